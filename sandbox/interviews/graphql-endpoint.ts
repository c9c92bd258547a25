import type { ServerResponse } from "node:http";
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { HttpError, sendJson, type Router, type SandboxRequest } from "../core/http";
import type { SandboxContext } from "../core/module";
import type { OAuthApi } from "../oauth/api";
import { ApiError, type ApiErrorCode } from "./api-error";
import type { ResolverContext } from "./executable-schema";
import type { GraphqlFaults } from "./graphql-faults";
import type { Actor } from "./event-transitions";
import type { InterviewService } from "./interview-service";
import { queryLimitsRule } from "./query-limits";
import type { RateLimiter } from "./rate-limit";
import { guideRefusalMessage, namesAnOmission } from "./guide-schema";

/** Bigger bodies are refused before parsing. */
export const MAX_BODY_BYTES = 100 * 1024;
/** Lexer tokens per document: stops pathological documents before they are parsed. */
const MAX_TOKENS = 10_000;
/** Scopes that allow this API: today's name and the older guide's. */
const INTERVIEW_SCOPES = ["interviews.schedule", "interviews"];

export interface GraphqlEndpointDeps {
  context: SandboxContext;
  oauth: OAuthApi;
  service: InterviewService;
  /** The reconstructed schema, and the one cut down to the guide (`SANDBOX_SCHEMA=guide`). */
  schemas: { extended: GraphQLSchema; guide: GraphQLSchema };
  limiter: RateLimiter;
  faults: GraphqlFaults;
}

interface FormattedError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions: { code: string; logLevel: string };
}

interface GraphqlBody {
  errors?: FormattedError[];
  data?: Record<string, unknown> | null;
}

/** An answer decided before execution: a status, a GraphQL-shaped body, maybe headers. */
class EarlyAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: GraphqlBody,
    readonly headers: Record<string, string> = {},
  ) {
    super("early answer");
  }
}

const requestError = (
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
) =>
  new EarlyAnswer(
    status,
    { errors: [{ message, extensions: { code, logLevel: "INFO" } }] },
    headers,
  );

/** `POST /graphql`: Indeed's gateway in front of the Interview API. */
export function mountGraphqlEndpoint(router: Router, deps: GraphqlEndpointDeps): void {
  router.on(["GET", "PUT", "PATCH", "DELETE"], "/graphql", (req, res) => {
    req.note.kind = "graphql";
    req.note.outcome = "BAD_REQUEST";
    const answer = requestError(405, "BAD_REQUEST", "Use POST for every query and mutation.", {
      Allow: "POST",
    });
    sendJson(res, answer.status, answer.body, answer.headers);
  });

  router.on("POST", "/graphql", async (req, res) => {
    req.note.kind = "graphql";
    try {
      await serve(req, res, deps);
    } catch (error) {
      if (!(error instanceof EarlyAnswer)) throw error;
      req.note.outcome = outcomeOf(error.body);
      sendJson(res, error.status, error.body, error.headers);
    }
  });
}

async function serve(
  req: SandboxRequest,
  res: ServerResponse,
  deps: GraphqlEndpointDeps,
): Promise<void> {
  const { query, operationName, variables } = await readRequest(req);
  const document = parseDocument(query);
  // Unknown to the reconstructed schema: a validation failure in either mode.
  const invalid = validateDocument(deps.schemas.extended, document);
  if (invalid.length > 0) {
    throw new EarlyAnswer(400, {
      errors: invalid.map((e) => formatError(e, "GRAPHQL_VALIDATION_FAILED")),
    });
  }
  const guideMode = deps.service.modes.schema === "guide";
  const schema = guideMode ? deps.schemas.guide : deps.schemas.extended;
  if (guideMode) {
    // Known, but not in Indeed's guide: the caller leans on a reconstruction (guide-schema.ts).
    const beyondGuide = validate(schema, document, specifiedRules);
    if (beyondGuide.length > 0) {
      throw new EarlyAnswer(400, {
        errors: beyondGuide.map((e) => ({
          ...formatError(e, "BAD_USER_INPUT"),
          message: guideRefusalMessage(e),
          extensions: { code: "BAD_USER_INPUT", logLevel: "INFO" },
        })),
      });
    }
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    throw requestError(
      400,
      "BAD_REQUEST",
      operationName
        ? `The document has no operation named "${operationName}".`
        : "The document has several operations: give operationName.",
    );
  }
  const name = operation.name?.value ?? operationName ?? null;
  req.note.operationName = name ?? undefined;
  req.note.variables = variables;

  // `{ __typename }` alone asks nothing of Indeed: it answers without a token or a budget.
  const metaOnly = typenameOnly(operation);
  if (metaOnly) {
    req.note.outcome = "ok";
    sendJson(res, 200, { data: metaOnly });
    return;
  }

  const actor = await authenticate(req, deps, operation);
  req.note.clientId = actor.clientId;

  const { context, limiter, faults } = deps;
  const cost =
    operation.operation === "mutation" ? limiter.settings.mutationCost : limiter.settings.queryCost;
  const spent = limiter.spend(actor.clientId, cost, context.clock.now());
  if (!spent.ok) {
    throw requestError(
      429,
      "RATE_LIMITED",
      `Rate limit exceeded: try again in ${spent.retryAfterSeconds} s.`,
      {
        "Retry-After": String(spent.retryAfterSeconds),
      },
    );
  }

  const fault = faults.take(name);
  if (fault && fault.latencyMs > 0)
    await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  if (fault?.failWith && !fault.applyFirst) throw injectedFailure(operation, fault.failWith);

  const resolverContext: ResolverContext = { service: deps.service, actor, changed: false };
  const result = (await execute({
    schema,
    document,
    operationName: operationName ?? undefined,
    variableValues: variables,
    contextValue: resolverContext,
  })) as ExecutionResult;
  if (resolverContext.changed) context.markDirty();

  if (!("data" in result) || result.data === undefined) {
    // Variables that do not fit their types: nothing ran.
    throw new EarlyAnswer(400, {
      errors: (result.errors ?? []).map((e) => {
        const formatted = formatError(e, "BAD_USER_INPUT");
        return guideMode && namesAnOmission(e.message)
          ? { ...formatted, message: guideRefusalMessage(e) }
          : formatted;
      }),
    });
  }
  if (fault?.failWith) throw injectedFailure(operation, fault.failWith);

  // Never an empty `errors` array: GraphQL answers either carry errors or leave the key out.
  const body: GraphqlBody = {};
  if (result.errors?.length)
    body.errors = result.errors.map((e) => formatError(e, "INTERNAL_SERVER_ERROR"));
  body.data = result.data;
  req.note.outcome = outcomeOf(body);
  sendJson(res, 200, body);
}

async function readRequest(req: SandboxRequest): Promise<{
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
}> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw requestError(
      400,
      "BAD_REQUEST",
      "Send the request as JSON with Content-Type: application/json.",
    );
  }
  let raw: Buffer;
  try {
    raw = await req.body(MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) {
      throw requestError(
        413,
        "BAD_USER_INPUT",
        `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
      );
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw requestError(400, "BAD_REQUEST", "The request body is not valid JSON.");
  }
  if (Array.isArray(parsed))
    throw requestError(
      400,
      "BAD_REQUEST",
      "Batched requests are not supported: send one operation per request.",
    );
  if (!parsed || typeof parsed !== "object")
    throw requestError(400, "BAD_REQUEST", "The request body must be a JSON object.");
  const body = parsed as Record<string, unknown>;
  if (typeof body.query !== "string" || body.query.trim() === "") {
    throw requestError(
      400,
      "BAD_REQUEST",
      'The request body must have a non-empty "query" string.',
    );
  }
  const operationName = body.operationName ?? null;
  if (operationName !== null && typeof operationName !== "string") {
    throw requestError(400, "BAD_REQUEST", '"operationName" must be a string.');
  }
  const variables = body.variables ?? undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== "object" || Array.isArray(variables))
  ) {
    throw requestError(400, "BAD_REQUEST", '"variables" must be a JSON object.');
  }
  return {
    query: body.query,
    operationName,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
  };
}

function parseDocument(query: string): DocumentNode {
  try {
    return parse(query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    if (error instanceof GraphQLError)
      throw new EarlyAnswer(400, { errors: [formatError(error, "GRAPHQL_PARSE_FAILED")] });
    // The parser recurses per nesting level: thousands of levels exhaust the stack first.
    if (error instanceof RangeError)
      throw requestError(400, "GRAPHQL_PARSE_FAILED", "The document is nested too deeply.");
    throw error;
  }
}

function validateDocument(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  try {
    return validate(schema, document, [...specifiedRules, queryLimitsRule]);
  } catch (error) {
    // Some rules recurse per nesting level, like the parser.
    if (error instanceof RangeError)
      throw requestError(400, "BAD_USER_INPUT", "The document is nested too deeply.");
    throw error;
  }
}

/** The caller, from the bearer token and the `indeed-client-id` header; else an error answer. */
async function authenticate(
  req: SandboxRequest,
  deps: GraphqlEndpointDeps,
  operation: OperationDefinitionNode,
): Promise<Actor> {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw rootFailure(
      operation,
      "UNAUTHENTICATED",
      "Send an access token: Authorization: Bearer <token>.",
    );
  const claims = await deps.oauth.verifyAccessToken(match[1]!);
  if (!claims)
    throw rootFailure(
      operation,
      "UNAUTHENTICATED",
      "The access token is invalid, expired or revoked.",
    );
  req.note.clientId = claims.clientId;
  const clientHeader = req.headers["indeed-client-id"];
  if (typeof clientHeader !== "string" || clientHeader === "") {
    throw rootFailure(
      operation,
      "FORBIDDEN",
      "Send the indeed-client-id header with your app's client id.",
    );
  }
  if (clientHeader !== claims.clientId) {
    throw rootFailure(
      operation,
      "FORBIDDEN",
      "The indeed-client-id header does not match the client the token was issued to.",
    );
  }
  if (!claims.scopes.some((scope) => INTERVIEW_SCOPES.includes(scope))) {
    throw rootFailure(
      operation,
      "FORBIDDEN",
      "The access token lacks the interviews.schedule scope.",
    );
  }
  if (!claims.employerId || !deps.oauth.employer(claims.employerId)) {
    throw rootFailure(
      operation,
      "FORBIDDEN",
      "The access token does not represent an employer: ask for one with prompt=select_employer.",
    );
  }
  const user = deps.oauth.user(claims.userId);
  if (!user) {
    throw rootFailure(
      operation,
      "FORBIDDEN",
      "The Interview API acts for a person: use a token from the authorization code flow.",
    );
  }
  return {
    userId: user.id,
    email: user.email.toLowerCase(),
    employerId: claims.employerId,
    clientId: claims.clientId,
  };
}

/** Every root field null, one error per field: the shape the guide shows for a failed call. */
function rootFailure(
  operation: OperationDefinitionNode,
  code: string,
  message: string,
): EarlyAnswer {
  const data: Record<string, string | null> = {};
  const errors: FormattedError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === "__typename") {
      data[key] = rootTypeName(operation);
      continue;
    }
    data[key] = null;
    const location = selection.loc
      ? [{ line: selection.loc.startToken.line, column: selection.loc.startToken.column }]
      : undefined;
    errors.push({
      message,
      ...(location && { locations: location }),
      path: [key],
      extensions: { code, logLevel: "INFO" },
    });
  }
  // Root fields only in fragments: one error for the whole operation, never an empty array.
  if (errors.length === 0)
    return new EarlyAnswer(200, {
      errors: [{ message, extensions: { code, logLevel: "INFO" } }],
      data: null,
    });
  return new EarlyAnswer(200, { errors, data });
}

function rootTypeName(operation: OperationDefinitionNode): string {
  return operation.operation === "mutation" ? "Mutation" : "Query";
}

/** The answer to an operation that selects only `__typename` at its root, else null. */
function typenameOnly(operation: OperationDefinitionNode): Record<string, string> | null {
  const data: Record<string, string> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== "__typename") return null;
    if (selection.directives?.length) return null;
    data[selection.alias?.value ?? "__typename"] = rootTypeName(operation);
  }
  return data;
}

function injectedFailure(operation: OperationDefinitionNode, code: string): EarlyAnswer {
  if (code === "RATE_LIMITED") {
    return requestError(
      429,
      "RATE_LIMITED",
      "Rate limit exceeded (injected fault): try again in 30 s.",
      { "Retry-After": "30" },
    );
  }
  const message =
    code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : `Injected fault: ${code}`;
  return rootFailure(operation, code, message);
}

/** Known failures keep their code; anything unexpected becomes a generic INTERNAL_SERVER_ERROR. */
function formatError(error: GraphQLError, fallbackCode: ApiErrorCode): FormattedError {
  const original = error.originalError;
  let code = typeof error.extensions.code === "string" ? error.extensions.code : fallbackCode;
  let message = error.message;
  if (
    original &&
    !(original instanceof ApiError) &&
    !(original instanceof GraphQLError) &&
    fallbackCode === "INTERNAL_SERVER_ERROR"
  ) {
    console.error("[sandbox] GraphQL resolver failed", original);
    code = "INTERNAL_SERVER_ERROR";
    message = "Internal server error";
  }
  const logLevel =
    typeof error.extensions.logLevel === "string"
      ? error.extensions.logLevel
      : code === "INTERNAL_SERVER_ERROR"
        ? "ERROR"
        : "INFO";
  return {
    message,
    ...(error.locations && {
      locations: error.locations.map(({ line, column }) => ({ line, column })),
    }),
    ...(error.path && { path: [...error.path] }),
    extensions: { code, logLevel },
  };
}

function outcomeOf(body: GraphqlBody): string {
  if (!body.errors?.length) return "ok";
  return [...new Set(body.errors.map((e) => e.extensions.code))].join(",");
}
