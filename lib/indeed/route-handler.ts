import "server-only";
import { z } from "zod";
import type { EmployerSession } from "@/lib/auth/load-session";
import { AppError } from "@/lib/http/app-error";
import { route, type EmployerRouteContext, type RouteOptions } from "@/lib/http/route";
import { rateLimitedError } from "@/lib/security/error-responses";
import { GRAPHQL_COST, type RateLimiter } from "@/lib/security/rate-limit";
import type { IndeedClient } from "./client";
import { findOperation, type OperationList } from "./operation";

/**
 * POST /api/indeed/graphql: `{ operationName, variables, context? }` as JSON, for the app's
 * own pages only. Raw documents are never accepted (so no introspection, no batching, no
 * persisted-query tricks); the operation must be in the registry. Answers `200 { data }` or
 * `{ error: { code, message, fieldErrors?, requestId } }` (docs/errors.md). The method, origin,
 * session and body size are checked by lib/http/route.ts (GRAPHQL_ROUTE) before this runs;
 * refusals here are thrown AppErrors that the wrapper answers.
 */
export const MAX_BODY_BYTES = 32 * 1024;

/** How lib/http/route.ts guards the route: POST only, same origin, a live employer, 32 KB. */
export const GRAPHQL_ROUTE = {
  auth: "employer",
  methods: ["POST"],
  bodyLimit: MAX_BODY_BYTES,
  bodyBytes: true,
  // proxy.ts's matcher leaves this route out: the proxy's cost is too much per call.
  securityHeaders: true,
} as const satisfies RouteOptions;

export interface GraphqlOperationDeps {
  client: Pick<IndeedClient, "execute">;
  /** The operations the route accepts: the same list the client was made with. */
  operations: OperationList;
  /** Per-user budget in GRAPHQL_COST points (lib/security/rate-limit.ts); the route passes it. */
  limiter?: RateLimiter;
  log?: (line: string) => void;
}

/** With the session lookup and origin: the whole route, for tests that call it without Next. */
export interface GraphqlRouteDeps extends GraphqlOperationDeps {
  appUrl: string;
  getSession: (request: Request) => Promise<EmployerSession | null>;
}

const bodySchema = z
  .object({
    operationName: z.string().min(1).max(100),
    variables: z.record(z.string(), z.unknown()).optional(),
    context: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** The operation logic, behind GRAPHQL_ROUTE's checks: app/api/indeed/graphql/route.ts. */
export async function handleGraphqlOperation(
  request: Request,
  { session, requestId, body: bytes }: EmployerRouteContext<unknown>,
  deps: GraphqlOperationDeps,
): Promise<Response> {
  const log = deps.log ?? ((line: string) => console.info(line));
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  let json: unknown;
  try {
    json = JSON.parse(bytes ? bytes.toString("utf8") : await request.text());
  } catch {
    throw new AppError("INVALID_REQUEST", "The request body is not valid JSON");
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) {
    // Arrays (batches), raw `query` documents, `extensions`, anything else: one generic answer.
    throw new AppError("INVALID_REQUEST");
  }
  const definition = findOperation(deps.operations, body.data.operationName);
  if (!definition) throw new AppError("UNKNOWN_OPERATION");

  // Spent before Indeed is called, so one user cannot use up Lobby's client-wide budget.
  const spent = await deps.limiter?.consume(session.userId, GRAPHQL_COST[definition.kind]);
  if (spent && !spent.allowed) {
    log(`[graphql] ${requestId} ${definition.name} rate limited for user ${session.userId}`);
    throw rateLimitedError(spent.retryAfterSeconds);
  }

  // Indeed's failures arrive as AppErrors from the client; the wrapper answers them.
  const data = await deps.client.execute(
    session,
    definition.name,
    body.data.variables ?? {},
    body.data.context,
    { requestId },
  );
  return Response.json({ data }, { headers: { "Cache-Control": "no-store" } });
}

/**
 * The whole route (GRAPHQL_ROUTE's checks, then the operation) with its dependencies given:
 * what tests call without Next.
 */
export function handleGraphqlRequest(request: Request, deps: GraphqlRouteDeps): Promise<Response> {
  const guarded = route(
    { ...GRAPHQL_ROUTE, appUrl: deps.appUrl, getSession: deps.getSession, log: deps.log },
    (limited, context) => handleGraphqlOperation(limited, context, deps),
  );
  return guarded(request);
}
