import "server-only";
import { z } from "zod";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import type { RouteOptions } from "@/lib/http/route";
import { rateLimitedError } from "@/lib/security/error-responses";
import { GRAPHQL_COST, type RateLimiter } from "@/lib/security/rate-limit";
import { findLedgerInterviewsByEventIds } from "@/lib/scheduling/interview-ledger";
import { interviewIdSchema } from "@/lib/security/route-ids";
import { CALENDAR_PAGE_SIZE } from "./find-events-variables";
import type { LedgerDetails, LedgerDetailsRequest, LedgerDetailsResponse } from "./ledger-details";

export const ledgerDetailsRequestSchema = z
  .object({
    eventIds: z.array(interviewIdSchema).min(1).max(CALENDAR_PAGE_SIZE),
  })
  .strict() satisfies z.ZodType<LedgerDetailsRequest>;

/** POST only, same origin, a live employer, and 32 KB: 100 ids of the longest kind fit. */
export const LEDGER_DETAILS_ROUTE = {
  auth: "employer",
  methods: ["POST"],
  bodyLimit: 32 * 1024,
} as const satisfies RouteOptions;

/** The ledger's rows for the event ids, the session's employer's only. */
export async function ledgerDetailsFor(
  database: Database,
  employerId: string,
  eventIds: readonly string[],
): Promise<Map<string, LedgerDetails>> {
  const rows = await findLedgerInterviewsByEventIds(database, employerId, eventIds);
  return new Map(
    rows.map((row) => [
      row.indeedEventId,
      {
        indeedEventId: row.indeedEventId,
        applicationId: row.applicationId,
        applicantName: row.applicantName,
        jobTitle: row.jobTitle,
      },
    ]),
  );
}

/**
 * The handler behind LEDGER_DETAILS_ROUTE's checks: JSON `{ eventIds }`, spending one read of
 * the user's GraphQL budget (it follows each page of events, so it costs what that page did).
 */
export async function handleLedgerDetails(
  request: Request,
  session: EmployerSession,
  deps: { database: Database; limiter?: RateLimiter },
): Promise<Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    throw new AppError("INVALID_REQUEST", "The request body is not valid JSON");
  }
  const body = ledgerDetailsRequestSchema.safeParse(json);
  if (!body.success) {
    throw new AppError("INVALID_REQUEST", "Send { eventIds } with 1 to 100 Indeed event ids");
  }
  const spent = await deps.limiter?.consume(session.userId, GRAPHQL_COST.query);
  if (spent && !spent.allowed) throw rateLimitedError(spent.retryAfterSeconds);
  const found = await ledgerDetailsFor(deps.database, session.employer.id, body.data.eventIds);
  return Response.json({ interviews: [...found.values()] } satisfies LedgerDetailsResponse, {
    headers: { "Cache-Control": "no-store" },
  });
}
