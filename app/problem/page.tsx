import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { defaultMessage, isErrorCode, type ErrorCode } from "@/lib/http/app-error";
import { waitText } from "@/lib/security/error-responses";

export const metadata: Metadata = { title: "Could not do that" };

/**
 * Where a browser's form post or navigation lands when a route refused it (lib/http/route.ts
 * with `pages: true`): the code's message in words and what to do next. Only a known code and
 * a whole number of seconds are read from the address; nothing else is echoed.
 */
const HEADINGS: Partial<Record<ErrorCode, string>> = {
  NOT_SIGNED_IN: "Sign in to continue",
  RECONNECT_REQUIRED: "Reconnect to Indeed",
  FORBIDDEN: "Lobby did not do that",
  PAYLOAD_TOO_LARGE: "Too much was sent",
  RATE_LIMITED: "Too many requests",
  INDEED_UNAVAILABLE: "Indeed could not be reached",
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  FORBIDDEN:
    "The request did not come from Lobby's own pages, or your account may not do this. Nothing was changed.",
  PAYLOAD_TOO_LARGE: "The form sent more data than Lobby accepts. Nothing was changed.",
};

export default async function ProblemPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const code: ErrorCode = isErrorCode(query.code) ? query.code : "INTERNAL_ERROR";
  const seconds = typeof query.retryAfter === "string" ? Number(query.retryAfter) : NaN;
  const message =
    code === "RATE_LIMITED" && Number.isSafeInteger(seconds) && seconds > 0
      ? `Too many requests in a short time; wait ${waitText(seconds)}, then try again.`
      : (MESSAGES[code] ?? `${defaultMessage(code)}.`);
  const signIn = code === "NOT_SIGNED_IN" || code === "RECONNECT_REQUIRED";
  return (
    <section className="max-w-xl space-y-4" data-testid="problem">
      <h1 className="text-2xl font-semibold tracking-tight">
        {HEADINGS[code] ?? "Something went wrong"}
      </h1>
      <p role="alert" className="text-slate-700">
        {message}
      </p>
      {signIn ? (
        <Link href="/signin" className={buttonClassName()}>
          Sign in with Indeed
        </Link>
      ) : (
        <Link href="/" className="text-brand-700 underline underline-offset-4">
          Back to Lobby
        </Link>
      )}
    </section>
  );
}
