import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { checkSameOrigin } from "@/lib/auth/origin-check";
import type { EmployerSession } from "@/lib/auth/session";
import { rateLimitMessage } from "@/lib/security/error-responses";
import { GRAPHQL_COST, type RateLimiter } from "@/lib/security/rate-limit";
import { IndeedError } from "./errors";
import type { IndeedClient } from "./client";
import { findOperation } from "./operations/registry";

/**
 * POST /api/indeed/graphql: `{ operationName, variables, context? }` as JSON, for the app's
 * own pages only. Raw documents are never accepted (so no introspection, no batching, no
 * persisted-query tricks); the operation must be in the registry. Answers `200 { data }` or
 * `{ error: { code, message, fieldErrors?, requestId } }`.
 */
export const MAX_BODY_BYTES = 32 * 1024;

export interface GraphqlRouteDeps {
  appUrl: string;
  getSession: (request: Request) => Promise<EmployerSession | null>;
  client: Pick<IndeedClient, "execute">;
  /** Per-user budget in GRAPHQL_COST points (lib/security/rate-limit.ts); the route passes it. */
  limiter?: RateLimiter;
  log?: (line: string) => void;
}

const bodySchema = z
  .object({
    operationName: z.string().min(1).max(100),
    variables: z.record(z.string(), z.unknown()).optional(),
    context: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

function respond(
  error: IndeedError,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const retryAfter = error.options.retryAfterSeconds;
  return Response.json(error.toBody(requestId), {
    status: error.status,
    headers: {
      "Cache-Control": "no-store",
      "X-Request-Id": requestId,
      ...(retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {}),
      ...headers,
    },
  });
}

async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function handleGraphqlRequest(
  request: Request,
  deps: GraphqlRouteDeps,
): Promise<Response> {
  const requestId = randomUUID();
  const log = deps.log ?? ((line: string) => console.info(line));
  if (request.method !== "POST") {
    return respond(new IndeedError("INVALID_REQUEST", "Use POST", { status: 405 }), requestId, {
      Allow: "POST",
    });
  }
  const origin = checkSameOrigin(request.headers, deps.appUrl);
  if (!origin.ok) {
    log(`[graphql] ${requestId} refused cross-site request (${origin.reason})`);
    return respond(new IndeedError("FORBIDDEN", "Cross-site requests are not allowed"), requestId);
  }
  const session = await deps.getSession(request);
  if (!session) return respond(new IndeedError("NOT_SIGNED_IN"), requestId);
  if (!session.employerAccess) {
    const message = `You no longer have access to ${session.employer.name}`;
    return respond(new IndeedError("FORBIDDEN", message), requestId);
  }

  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    return respond(
      new IndeedError("INVALID_REQUEST", "Send JSON (Content-Type: application/json)", {
        status: 415,
      }),
      requestId,
    );
  }
  const text = await readLimited(request, MAX_BODY_BYTES);
  if (text === null) {
    return respond(
      new IndeedError("INVALID_REQUEST", "The request body is too large", { status: 413 }),
      requestId,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return respond(
      new IndeedError("INVALID_REQUEST", "The request body is not valid JSON"),
      requestId,
    );
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) {
    // Arrays (batches), raw `query` documents, `extensions`, anything else: one generic answer.
    return respond(new IndeedError("INVALID_REQUEST"), requestId);
  }
  const definition = findOperation(body.data.operationName);
  if (!definition) return respond(new IndeedError("UNKNOWN_OPERATION"), requestId);

  // Spent before Indeed is called, so one user cannot use up Lobby's client-wide budget.
  const spent = await deps.limiter?.consume(session.userId, GRAPHQL_COST[definition.kind]);
  if (spent && !spent.allowed) {
    log(`[graphql] ${requestId} ${definition.name} rate limited for user ${session.userId}`);
    return respond(
      new IndeedError("RATE_LIMITED", rateLimitMessage(spent.retryAfterSeconds), {
        retryAfterSeconds: spent.retryAfterSeconds,
      }),
      requestId,
    );
  }

  try {
    const data = await deps.client.execute(
      session,
      definition.name,
      body.data.variables ?? {},
      body.data.context,
      {
        requestId,
      },
    );
    return Response.json(
      { data },
      { headers: { "Cache-Control": "no-store", "X-Request-Id": requestId } },
    );
  } catch (error) {
    if (error instanceof IndeedError) return respond(error, requestId);
    log(
      `[graphql] ${requestId} ${definition.name} unexpected ${(error as Error).name}: ${(error as Error).message}`,
    );
    return respond(new IndeedError("INTERNAL_ERROR"), requestId);
  }
}
