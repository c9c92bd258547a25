import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClassName } from "@/components/ui/button-class-name";
import { IndeedUnreachable } from "@/components/ui/indeed-unreachable";
import { RetryButton } from "@/components/ui/retry-button";
import type { FirstPageError } from "@/lib/calendar/first-page";
import { needsSignIn } from "@/lib/indeed/route-error";

/**
 * Rendered by the server when it could not read the calendar's first page, in the calendar's
 * place: the browser gets the markup and a retry button, not this code (docs/decisions/0095).
 * What went wrong and what to do: reconnect, ask for access, or try again (which renders the page
 * again on the server).
 */
export function CalendarProblem({ error }: { error: FirstPageError }): ReactNode {
  if (needsSignIn(error.code)) {
    return (
      <div role="alert" className="max-w-xl space-y-3">
        <h2 className="text-lg font-semibold">Reconnect to Indeed</h2>
        <p className="text-slate-800">{error.message}</p>
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent("/interviews")}`}
          className={buttonClassName()}
        >
          Sign in with Indeed
        </Link>
      </div>
    );
  }
  if (error.code === "FORBIDDEN") {
    return (
      <div role="alert" className="max-w-xl space-y-3">
        <h2 className="text-lg font-semibold">You are not allowed to see these interviews</h2>
        <p className="text-slate-800">{error.message}</p>
        <p className="text-slate-700">
          Ask an administrator of this employer on Indeed for access, or switch employer.
        </p>
      </div>
    );
  }
  if (error.code === "INDEED_UNAVAILABLE") {
    return (
      <IndeedUnreachable
        headingLevel={2}
        detail="The calendar shows Indeed's interviews, so it can be shown once Indeed answers again."
      />
    );
  }
  return (
    <div role="alert" className="max-w-xl space-y-3">
      <h2 className="text-lg font-semibold">Interviews could not be loaded</h2>
      <p className="text-slate-800">{error.message}</p>
      <RetryButton />
    </div>
  );
}
