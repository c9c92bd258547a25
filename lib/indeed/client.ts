import "server-only";
import { randomUUID } from "node:crypto";
import { print } from "graphql";
import type { EmployerSession } from "@/lib/auth/load-session";
import { TokenServiceError, type TokenService } from "@/lib/auth/tokens";
import type { Database, Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import {
  fieldErrorsFromIssues,
  graphqlErrorCode,
  mapGraphqlErrors,
  type GraphqlErrorLike,
  type InputMessageRule,
} from "./errors";
import { keepAliveFetch } from "./keep-alive-fetch";
import {
  findOperation,
  type AnyOperation,
  type OperationList,
  type OperationNameOf,
  type ResultDataOf,
  type ServicesOf,
  type VariablesInputOf,
} from "./operation";
import {
  DEFAULT_RETRY_POLICY,
  nextRetryDelay,
  parseRetryAfter,
  type AttemptFailure,
  type RetryPolicy,
} from "./retry-policy";

/**
 * The Indeed client: sends one of its operations (the list its composition root injects) with the connection's access token
 * (`Authorization: Bearer`, `indeed-client-id`), times out at 5 s, retries reads on transient
 * failures with jittered backoff, refreshes once on UNAUTHENTICATED, maps every failure to an
 * AppError, and after a successful mutation runs the operation's `onSuccess` hook in one
 * database transaction. Logs carry the request id, never a token.
 */

interface ClientDeps<Ops extends OperationList> {
  /** The only operations this client sends (lib/operations.ts passes the app's list). */
  operations: Ops;
  /** The domains' rewrites of Indeed's input messages (lib/operations.ts passes them). */
  inputMessages?: readonly InputMessageRule[];
  tokens: Pick<TokenService, "getAccessToken">;
  db: Database;
  graphqlUrl: string;
  clientId: string;
  atsName: string;
  /** INDEED_SCHEMA_EXTENSIONS; off (the guide's input only) unless given. */
  schemaExtensions?: boolean;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  policy?: RetryPolicy;
  timeoutMs?: number;
  log?: (line: string) => void;
  /**
   * Given each query's data after it is answered, and when the query was sent (lib/operations.ts:
   * the ledger follows what Indeed shows, unless Lobby changed the event since). Runs through
   * `defer`, off the request's latency path; its failures are logged.
   */
  onRead?: (session: EmployerSession, name: string, data: unknown, sentAt: Date) => Promise<void>;
  /** How `onRead` is run later; default: after the current turn, not awaited. */
  defer?: (task: () => Promise<void>) => void;
}

/** `services` (what `onSuccess` hooks get as `ctx.services`) is required once a hook needs one. */
export type IndeedClientDeps<Ops extends OperationList> = ClientDeps<Ops> &
  (unknown extends ServicesOf<Ops>
    ? { services?: ServicesOf<Ops> }
    : { services: ServicesOf<Ops> });

export interface ExecuteOptions {
  requestId?: string;
}

/** A successful call is logged when it took this long, or more than one attempt. */
const SLOW_CALL_MS = 1_000;

const printed = new WeakMap<object, string>();
function source(definition: AnyOperation): string {
  let text = printed.get(definition.document);
  if (!text) {
    text = print(definition.document);
    printed.set(definition.document, text);
  }
  return text;
}

type Attempt =
  | { ok: true; data: unknown }
  | { ok: false; unauthenticated: true }
  | { ok: false; unauthenticated?: false; failure: AttemptFailure; error: AppError };

/**
 * Whether Indeed may have applied a mutation that failed this way: it timed out, the connection
 * broke after it was made, or Indeed answered a 5xx or INTERNAL_SERVER_ERROR (the sandbox's
 * `apply-then-fail`). A refused connection, a 429 and Indeed's other codes changed nothing.
 */
function outcomeUnknown(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case "timeout":
      return true;
    case "network":
      return !failure.refused;
    case "http":
      return failure.status >= 500;
    case "graphql":
      return (
        failure.code === "INTERNAL_SERVER_ERROR" || failure.code === "DOWNSTREAM_SERVICE_ERROR"
      );
  }
}

/** A mutation's failure after which nobody knows whether Indeed applied it. */
class OutcomeUnknownError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = "OutcomeUnknownError";
  }
}

function rootFieldsNull(data: unknown): boolean {
  if (!data || typeof data !== "object") return true;
  const values = Object.values(data as Record<string, unknown>);
  return values.length === 0 || values.every((value) => value === null || value === undefined);
}

export function createIndeedClient<const Ops extends OperationList>(deps: IndeedClientDeps<Ops>) {
  const doFetch = deps.fetch ?? keepAliveFetch;
  const sleep =
    deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const log = deps.log ?? ((line: string) => console.info(line));
  const defer =
    deps.defer ??
    ((task: () => Promise<void>) => {
      setImmediate(() => void task());
    });

  async function attempt(
    definition: AnyOperation,
    variables: unknown,
    token: string,
  ): Promise<Attempt> {
    let response: Response;
    try {
      response = await doFetch(deps.graphqlUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          authorization: `Bearer ${token}`,
          "indeed-client-id": deps.clientId,
        },
        body: JSON.stringify({
          query: source(definition),
          operationName: definition.name,
          variables,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut =
        (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      // Node's HTTP client rejects with the socket's error; fetch wraps it in `cause`.
      const refused = [error, (error as Error).cause].some(
        (reason) => (reason as { code?: string } | undefined)?.code === "ECONNREFUSED",
      );
      return {
        ok: false,
        failure: { kind: timedOut ? "timeout" : "network", ...(refused ? { refused } : {}) },
        error: new AppError(
          "INDEED_UNAVAILABLE",
          definition.kind === "mutation"
            ? "Indeed did not answer in time; the change may or may not have been made. Check the interview before trying again."
            : undefined,
          { status: timedOut ? 504 : 503 },
        ),
      };
    }
    if (response.status === 401) return { ok: false, unauthenticated: true };
    if (response.status === 429 || response.status >= 500) {
      const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"), now());
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        failure: { kind: "http", status: response.status, retryAfterSeconds },
        error:
          response.status === 429
            ? new AppError("RATE_LIMITED", undefined, { retryAfterSeconds })
            : new AppError("INDEED_UNAVAILABLE", undefined, {
                status: response.status === 504 ? 504 : 503,
              }),
      };
    }
    const body = (await response.json().catch(() => null)) as {
      data?: unknown;
      errors?: GraphqlErrorLike[];
    } | null;
    if (!body || typeof body !== "object") {
      return {
        ok: false,
        failure: { kind: "http", status: 502 },
        error: new AppError("INDEED_UNAVAILABLE"),
      };
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (errors.some((e) => graphqlErrorCode(e) === "UNAUTHENTICATED"))
      return { ok: false, unauthenticated: true };
    if (
      response.ok &&
      body.data !== undefined &&
      body.data !== null &&
      !rootFieldsNull(body.data)
    ) {
      // Partial successes (GetInterviews with an unknown id) keep their data; the nulls say enough.
      return { ok: true, data: body.data };
    }
    if (errors.length === 0) {
      return {
        ok: false,
        failure: { kind: "http", status: response.status },
        error: new AppError("INDEED_UNAVAILABLE"),
      };
    }
    const code = errors.map(graphqlErrorCode).find((c) => c !== undefined);
    return {
      ok: false,
      failure: { kind: "graphql", code },
      error: mapGraphqlErrors(errors, "input", deps.inputMessages),
    };
  }

  async function send(
    definition: AnyOperation,
    variables: unknown,
    session: EmployerSession,
    requestId: string,
  ): Promise<unknown> {
    const started = now();
    let rejected: string | undefined;
    let refreshed = false;
    for (let number = 1; ; number++) {
      let token: string;
      try {
        token = await deps.tokens.getAccessToken(session.connectionId, { rejected });
      } catch (error) {
        if (error instanceof TokenServiceError) {
          log(`[indeed] ${requestId} ${definition.name} token: ${error.code}`);
          throw new AppError(error.code, error.message, {
            retryAfterSeconds: error.retryAfterSeconds,
          });
        }
        throw error;
      }
      const result = await attempt(definition, variables, token);
      if (result.ok) {
        // A line per call would be a synchronous write on every request: only slow ones.
        const ms = now() - started;
        if (ms >= SLOW_CALL_MS || number > 1)
          log(`[indeed] ${requestId} ${definition.name} ok attempt=${number} ms=${ms}`);
        return result.data;
      }
      if (result.unauthenticated) {
        // The token was refused: refresh once (a refused call did nothing, so even a mutation
        // may be sent again), then give up.
        if (refreshed) {
          log(`[indeed] ${requestId} ${definition.name} unauthenticated after refresh`);
          throw new AppError("RECONNECT_REQUIRED");
        }
        refreshed = true;
        rejected = token;
        number--;
        continue;
      }
      const delay = nextRetryDelay({
        kind: definition.kind,
        failure: result.failure,
        attempt: number,
        elapsedMs: now() - started,
        random: random(),
        policy,
      });
      log(
        `[indeed] ${requestId} ${definition.name} failed attempt=${number} ${JSON.stringify(result.failure)}` +
          (delay === null ? " giving up" : ` retry in ${delay}ms`),
      );
      if (delay === null) {
        if (definition.kind === "mutation" && outcomeUnknown(result.failure))
          throw new OutcomeUnknownError(result.error);
        throw result.error;
      }
      await sleep(delay);
    }
  }

  return {
    /**
     * Validates, completes and sends one of the client's operations; on success of a mutation,
     * runs its `onSuccess` hook in one transaction. Throws AppError for every expected failure.
     */
    async execute<N extends OperationNameOf<Ops>>(
      session: EmployerSession,
      name: N,
      variables: VariablesInputOf<Ops, N> | unknown,
      context?: unknown,
      options: ExecuteOptions = {},
    ): Promise<ResultDataOf<Ops, N>> {
      const requestId = options.requestId ?? randomUUID();
      const definition = findOperation(deps.operations, name);
      if (!definition) throw new AppError("UNKNOWN_OPERATION");
      const parsed = definition.variables.safeParse(variables ?? {});
      if (!parsed.success) {
        throw new AppError("BAD_USER_INPUT", undefined, {
          fieldErrors: fieldErrorsFromIssues(parsed.error.issues),
        });
      }
      let parsedContext: unknown = undefined;
      if (definition.contextSchema) {
        const result = definition.contextSchema.safeParse(context ?? {});
        if (!result.success) {
          throw new AppError("INVALID_REQUEST", "The request's context is not valid", {
            fieldErrors: fieldErrorsFromIssues(
              result.error.issues.map((issue) => ({ ...issue, path: ["context", ...issue.path] })),
            ),
          });
        }
        parsedContext = result.data;
      }
      if (session.connectionStatus === "needs_reauth") throw new AppError("RECONNECT_REQUIRED");

      const prepared = definition.prepare(parsed.data as never, {
        session,
        atsName: deps.atsName,
        schemaExtensions: deps.schemaExtensions ?? false,
      });
      const hookContext = (tx: Transaction) => ({ tx, session, services: deps.services });
      if (definition.kind === "mutation" && definition.beforeSend) {
        const beforeSend = definition.beforeSend;
        await deps.db.transaction((tx) =>
          beforeSend(hookContext(tx), parsed.data as never, parsedContext),
        );
      }
      const sentAt = new Date(now());
      let data: ResultDataOf<Ops, N>;
      try {
        data = (await send(definition, prepared, session, requestId)) as ResultDataOf<Ops, N>;
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError)) throw error;
        const onOutcomeUnknown = definition.onOutcomeUnknown;
        if (!onOutcomeUnknown) throw error.appError;
        log(`[indeed] ${requestId} ${definition.name} outcome unknown: recorded for confirmation`);
        throw await deps.db.transaction((tx) =>
          onOutcomeUnknown(hookContext(tx), parsed.data as never, prepared, parsedContext),
        );
      }
      if (definition.kind === "query" && deps.onRead) {
        const onRead = deps.onRead;
        defer(() =>
          onRead(session, definition.name, data, sentAt).catch((error: unknown) =>
            log(`[indeed] ${requestId} ${definition.name} onRead failed: ${(error as Error).name}`),
          ),
        );
      }

      if (definition.kind === "mutation" && definition.onSuccess) {
        const onSuccess = definition.onSuccess;
        try {
          await deps.db.transaction(async (tx) => {
            await onSuccess(
              { tx, session, services: deps.services },
              parsed.data as never,
              data as never,
              parsedContext,
            );
          });
        } catch (error) {
          log(
            `[indeed] ${requestId} ${definition.name} succeeded at Indeed but onSuccess failed: ${(error as Error).name}`,
          );
          throw new AppError(
            "INTERNAL_ERROR",
            "Indeed accepted the change, but Lobby could not record it. Reload before trying again.",
          );
        }
      }
      return data;
    },
  };
}

export type IndeedClient<Ops extends OperationList = OperationList> = ReturnType<
  typeof createIndeedClient<Ops>
>;
