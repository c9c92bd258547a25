import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import type { EmployerRouteContext, RouteOptions } from "@/lib/http/route";
import { rateLimitedError } from "@/lib/security/error-responses";
import { GRAPHQL_COST, type RateLimiter } from "@/lib/security/rate-limit";
import { confirmPending, MAX_CHECKS, type ConfirmDeps } from "./reconcile-pending";
import { eventId } from "./rules";

/**
 * POST /interviews/new/confirm, the one route for both kinds (ADR 0080): `{ attemptId }` checks
 * with Indeed whether a create answered OUTCOME_UNKNOWN happened, `{ eventId }` whether the
 * event's change answered OUTCOME_UNKNOWN was made (docs/errors.md). Answers
 * `200 { state, eventId?, message? }`. Employer-scoped (another employer's attempt or event is
 * not found) and charged to the user's GraphQL budget as the lookups it may make.
 */
export const CONFIRM_CREATE_ROUTE = {
  auth: "employer",
  methods: ["POST"],
  bodyLimit: 1024,
} as const satisfies RouteOptions;

export const confirmBody = z.union([
  z.object({ attemptId: z.uuid() }).strict(),
  z.object({ eventId }).strict(),
]);

export interface ConfirmRouteDeps extends ConfirmDeps {
  limiter?: RateLimiter;
}

export async function handleConfirmCreate(
  request: Request,
  { session }: EmployerRouteContext<unknown>,
  deps: ConfirmRouteDeps,
): Promise<Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    throw new AppError("INVALID_REQUEST", "The request body is not valid JSON");
  }
  const body = confirmBody.safeParse(json);
  if (!body.success)
    throw new AppError(
      "INVALID_REQUEST",
      "Send the attemptId of the create or the eventId of the change to check",
    );
  const spent = await deps.limiter?.consume(session.userId, GRAPHQL_COST.query * MAX_CHECKS);
  if (spent && !spent.allowed) throw rateLimitedError(spent.retryAfterSeconds);
  const result = await confirmPending(deps, session, body.data);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
