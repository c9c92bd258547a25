import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

/** When Indeed cannot answer a page's read: what happened and what to do next. */
export function IndeedProblem({ code, message }: { code: string; message: string }) {
  const reconnect = code === "RECONNECT_REQUIRED" || code === "NOT_SIGNED_IN";
  const heading = reconnect
    ? "Reconnect to Indeed"
    : code === "RATE_LIMITED"
      ? "Too many requests"
      : "Indeed could not be reached";
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{heading}</h1>
      <p role="alert" className="text-slate-800">
        {message}
      </p>
      {reconnect ? (
        <Link href="/signin" className={buttonClassName()}>
          Sign in with Indeed
        </Link>
      ) : (
        <p className="text-slate-700">Reload the page in a moment.</p>
      )}
    </section>
  );
}
