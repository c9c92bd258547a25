import { indeedKeys } from "@/lib/indeed/query-keys";
import { IndeedRouteError, postToLobby } from "@/lib/indeed/route-error";
import {
  LEDGER_DETAILS_PATH,
  type LedgerDetails,
  type LedgerDetailsRequest,
  type LedgerDetailsResponse,
} from "./ledger-details";

/**
 * The browser's read of the ledger (./ledger-details.ts), one fetched page of events at a time:
 * loaded with the calendar's later pages, not with its first paint.
 */

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
