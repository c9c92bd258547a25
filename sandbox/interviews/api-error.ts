/**
 * The error codes the Interview API puts in `extensions.code`: the guide's four, plus the
 * request-level codes Indeed's other GraphQL APIs use.
 */
export type ApiErrorCode =
  | "BAD_USER_INPUT"
  | "INTERNAL_SERVER_ERROR"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_REQUEST"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "DOWNSTREAM_SERVICE_ERROR"
  | "RATE_LIMITED";

export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  "BAD_USER_INPUT",
  "INTERNAL_SERVER_ERROR",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "DOWNSTREAM_SERVICE_ERROR",
  "RATE_LIMITED",
];

export interface ApiErrorExtensions {
  code: ApiErrorCode;
  logLevel: "INFO" | "WARN" | "ERROR";
  [key: string]: unknown;
}

/**
 * An expected failure with its code. Resolvers throw it; graphql-js keeps its `extensions`
 * when it adds the path and locations.
 */
export class ApiError extends Error {
  readonly extensions: ApiErrorExtensions;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.extensions = { code, logLevel: code === "INTERNAL_SERVER_ERROR" ? "ERROR" : "INFO" };
  }
}

export const badInput = (message: string) => new ApiError("BAD_USER_INPUT", message);

/** Same words for "does not exist" and "not yours", so ids of other employers do not leak. */
export const noAccessToEvent = (id: string) =>
  new ApiError("FORBIDDEN", `You do not have access to the virtual interview event '${id}'.`);
