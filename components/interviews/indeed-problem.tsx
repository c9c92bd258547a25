import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { IndeedUnreachable } from "@/components/ui/indeed-unreachable";
import { RetryButton } from "@/components/ui/retry-button";

/**
 * When Indeed cannot answer a page's read: what happened and what to do next. Unreachable
 * (refused, timed out, 5xx) is the shared "Indeed is unreachable" state; `detail` says what the
 * page could not show.
 */
export function IndeedProblem({
  code,
  message,
  detail = "This page shows what Indeed holds, so it can be shown once Indeed answers again.",
}: {
  code: string;
  message: string;
  detail?: string;
}) {
  if (code === "INDEED_UNAVAILABLE") return <IndeedUnreachable detail={detail} />;
  const reconnect = code === "RECONNECT_REQUIRED" || code === "NOT_SIGNED_IN";
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">
        {reconnect
          ? "Reconnect to Indeed"
          : code === "RATE_LIMITED"
            ? "Too many requests"
            : "Indeed did not answer"}
      </h1>
      <p role="alert" className="text-slate-800">
        {message}
      </p>
      {reconnect ? (
        <Link href="/signin" className={buttonClassName()}>
          Sign in with Indeed
        </Link>
      ) : (
        <RetryButton />
      )}
    </section>
  );
}
