/**
 * What Lobby's ledger adds to the calendar's Indeed events: the application, the applicant and
 * the job of the interviews Lobby scheduled. Asked for one fetched page at a time by
 * `POST /api/interviews/ledger` (`{ eventIds }`, checked by ledger-route.ts); the answer holds only the
 * signed-in employer's rows, so an id Lobby did not schedule (or another employer's) is absent.
 * Client-safe, without zod or runtime imports: the route, the calendar and the export share this
 * contract, and the calendar's first paint carries it. The browser's read is ./fetch-ledger-details.ts.
 */

export const LEDGER_DETAILS_PATH = "/api/interviews/ledger";

export interface LedgerDetailsRequest {
  eventIds: string[];
}

export interface LedgerDetails {
  indeedEventId: string;
  applicationId: string | null;
  applicantName: string | null;
  jobTitle: string | null;
}

export interface LedgerDetailsResponse {
  interviews: LedgerDetails[];
}

/**
 * The ledger's answer for each fetched event: its details, null when Lobby did not schedule it,
 * absent while the ledger has not answered for its page yet.
 */
export type CalendarLedger = ReadonlyMap<string, LedgerDetails | null>;

/** The page's event ids with what the ledger answered for them. */
export function ledgerForPage(
  eventIds: readonly string[],
  found: readonly LedgerDetails[],
): Map<string, LedgerDetails | null> {
  const byId = new Map(found.map((details) => [details.indeedEventId, details]));
  return new Map(eventIds.map((id) => [id, byId.get(id) ?? null]));
}
