import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import { AppError, type ErrorCode } from "@/lib/http/app-error";
import { executeOperation } from "@/lib/operations";
import { type EventsPage, pageEventIds } from "./events-page";
import type { FindEventsVariables } from "./find-events-variables";
import type { LedgerDetails } from "./ledger-details";
import { ledgerDetailsFor } from "./ledger-route";

/** Why the first page could not be read, as the browser's IndeedRouteError would say it. */
export interface FirstPageError {
  code: ErrorCode;
  message: string;
  status: number;
}

/**
 * The calendar's first page as the server renders it (docs/decisions/0089): the FindInterviews
 * connection, what the ledger knows of its events (null when the ledger could not be read: the
 * browser asks for it), and when it was read, so the browser's cache knows how fresh it is.
 */
export type CalendarFirstPage =
  | {
      ok: true;
      page: EventsPage;
      ledger: LedgerDetails[] | null;
      fetchedAt: number;
    }
  | { ok: false; error: FirstPageError };

export async function loadCalendarFirstPage(
  session: EmployerSession,
  database: Database,
  variables: FindEventsVariables,
): Promise<CalendarFirstPage> {
  let page: EventsPage;
  try {
    const result = await executeOperation(session, "FindInterviews", variables);
    page = result.findVirtualInterviewEvents ?? {};
  } catch (error) {
    unstable_rethrow(error);
    // Indeed's refusals and outages are the page's to explain; anything else is a bug.
    if (!(error instanceof AppError)) throw error;
    return { ok: false, error: { code: error.code, message: error.message, status: error.status } };
  }
  const fetchedAt = Date.now();
  const ids = pageEventIds(page);
  let ledger: LedgerDetails[] | null = [];
  if (ids.length > 0) {
    try {
      ledger = [...(await ledgerDetailsFor(database, session.employer.id, ids)).values()];
    } catch (error) {
      unstable_rethrow(error);
      ledger = null;
    }
  }
  return { ok: true, page, ledger, fetchedAt };
}
