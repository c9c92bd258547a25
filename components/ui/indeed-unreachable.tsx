import Link from "next/link";
import type { ReactNode } from "react";
import { RetryButton } from "./retry-button";

/** Lobby's own records: what opens as usual while Indeed cannot be reached. */
const STILL_WORKS = [
  { href: "/applications", label: "Applications" },
  { href: "/settings", label: "Settings" },
  { href: "/privacy/requests", label: "Data requests" },
] as const;

/**
 * The one "Indeed is unreachable" state, for every page that needs Indeed's answer: what could
 * not be shown, what still works (Lobby's own records) and a retry. `page` replaces a page whose
 * content is Indeed's; `notice` sits in a page that shows what Lobby last saw instead.
 * `retry` defaults to rendering the page again on the server; a client view passes its own.
 */
export function IndeedUnreachable({
  variant = "page",
  headingLevel = 1,
  detail,
  retry = <RetryButton />,
}: {
  variant?: "page" | "notice";
  /** The page variant's heading: 2 inside a page that has its own h1 (the calendar). */
  headingLevel?: 1 | 2;
  /** What this page cannot show, or what it shows instead, in a sentence. */
  detail: string;
  retry?: ReactNode;
}) {
  if (variant === "notice") {
    return (
      <div
        role="status"
        data-testid="indeed-unreachable"
        className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
      >
        <p>
          <strong className="font-semibold">Indeed is unreachable.</strong> {detail}
        </p>
        {retry}
      </div>
    );
  }
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className="max-w-xl space-y-4" data-testid="indeed-unreachable">
      <Heading
        className={
          headingLevel === 1 ? "text-2xl font-semibold tracking-tight" : "text-lg font-semibold"
        }
      >
        Indeed is unreachable
      </Heading>
      <p role="alert" className="text-slate-800">
        Lobby cannot reach Indeed right now. {detail}
      </p>
      <p className="text-slate-700">
        Nothing was changed. Lobby&apos;s own records still open as usual:{" "}
        {STILL_WORKS.map((link, index) => (
          <span key={link.href}>
            {index > 0 && ", "}
            <Link href={link.href} className="text-brand-700 underline underline-offset-4">
              {link.label}
            </Link>
          </span>
        ))}
        .
      </p>
      {retry}
    </section>
  );
}
