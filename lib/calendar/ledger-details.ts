import { indeedKeys } from "@/lib/indeed/query-keys";
import { IndeedRouteError, postToLobby } from "@/lib/indeed/route-error";

/**
 * What Lobby's ledger adds to the calendar's Indeed events: the application, the applicant and
 * the job of the interviews Lobby scheduled. Asked for one fetched page at a time by
 * `POST /api/interviews/ledger` (`{ eventIds }`, checked by ledger-route.ts); the answer holds only the
 * signed-in employer's rows, so an id Lobby did not schedule (or another employer's) is absent.
 * Client-safe and without zod: the route, the calendar and the export share this contract.
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
 * Under the employer's Indeed keys, so that a write (which invalidates `indeedKeys.all`), an
 * employer switch and sign-out (which clear the cache) drop it with the events it describes.
 */
export function ledgerDetailsKey(employerId: string | null, eventIds: readonly string[]) {
  return [...indeedKeys.all(employerId), "ledger", [...eventIds]] as const;
}

export async function fetchLedgerDetails(
  eventIds: readonly string[],
  signal?: AbortSignal,
): Promise<LedgerDetails[]> {
  const response = await postToLobby(
    LEDGER_DETAILS_PATH,
    { eventIds: [...eventIds] } satisfies LedgerDetailsRequest,
    signal,
  );
  const body = (await response.json().catch(() => null)) as LedgerDetailsResponse | null;
  if (response.ok && body && Array.isArray(body.interviews)) return body.interviews;
  throw IndeedRouteError.fromResponse(response.status, body);
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
