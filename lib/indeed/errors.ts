/**
 * The app's stable error shape for everything Indeed-related, and the mapping from Indeed's
 * GraphQL errors to it. Indeed's raw errors (messages of non-input errors, paths, locations,
 * extensions, stacks) never reach a caller. Pure: no server imports.
 */

export const INDEED_ERROR_STATUS = {
  BAD_USER_INPUT: 422,
  FORBIDDEN: 403,
  NOT_SIGNED_IN: 401,
  RECONNECT_REQUIRED: 409,
  RATE_LIMITED: 429,
  INDEED_UNAVAILABLE: 503,
  UNKNOWN_OPERATION: 400,
  INVALID_REQUEST: 400,
  INTERNAL_ERROR: 500,
} as const;

export type IndeedErrorCode = keyof typeof INDEED_ERROR_STATUS;

/** The JSON body of every failed route response. */
export interface IndeedErrorBody {
  error: {
    code: IndeedErrorCode;
    message: string;
    fieldErrors?: Record<string, string>;
    requestId: string;
  };
}

const DEFAULT_MESSAGES: Record<IndeedErrorCode, string> = {
  BAD_USER_INPUT: "Some values were not accepted; check the highlighted fields",
  FORBIDDEN: "You do not have access to this interview",
  NOT_SIGNED_IN: "Sign in with Indeed to continue",
  RECONNECT_REQUIRED: "Reconnect to Indeed to continue",
  RATE_LIMITED: "Indeed is receiving too many requests; try again in a minute",
  INDEED_UNAVAILABLE: "Indeed is unavailable right now; try again in a moment",
  UNKNOWN_OPERATION: "Unknown operation",
  INVALID_REQUEST: "The request is not valid",
  INTERNAL_ERROR: "Something went wrong; try again",
};

export class IndeedError extends Error {
  readonly status: number;
  constructor(
    readonly code: IndeedErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    readonly options: {
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
      status?: number;
    } = {},
  ) {
    super(message);
    this.name = "IndeedError";
    this.status = options.status ?? INDEED_ERROR_STATUS[code];
  }

  get fieldErrors(): Record<string, string> | undefined {
    return this.options.fieldErrors;
  }

  toBody(requestId: string): IndeedErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fieldErrors && Object.keys(this.fieldErrors).length > 0
          ? { fieldErrors: this.fieldErrors }
          : {}),
        requestId,
      },
    };
  }
}

export function defaultMessage(code: IndeedErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** One entry of a GraphQL `errors` array, as far as we read it. */
export interface GraphqlErrorLike {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

export function graphqlErrorCode(error: GraphqlErrorLike): string | undefined {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** Codes after which a read may be tried again. */
export const TRANSIENT_GRAPHQL_CODES = new Set([
  "INTERNAL_SERVER_ERROR",
  "DOWNSTREAM_SERVICE_ERROR",
  "RATE_LIMITED",
]);

// Field names Indeed's messages start with → the variable path under the operation's input.
const FIELD_PATTERN =
  /^(startTime|endTime|title|timezone|languageCode|countryCode|interviewers(?:\[\d+\])?(?:\.email)?|interviewee(?:\.(?:name|email))?|requestMetadata\.\w+|id|ids(?:\[\d+\])?|after|first)\b/;

/** Rewrites Indeed's input messages into our words where we know the rule. */
function friendlyInputMessage(message: string): { field?: string; message: string } {
  const clipped = message.replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 300);
  const lower = clipped.toLowerCase();
  if (/24 hours|duration/.test(lower))
    return { field: "endTime", message: "An interview lasts at most 24 hours" };
  if (/49|too many interviewers|interviewers exceed/.test(lower)) {
    return {
      field: "interviewers",
      message: "An interview can have at most 49 interviewers, you included",
    };
  }
  if (/already has an interviewee|interviewee cannot be (changed|replaced)/.test(lower)) {
    return {
      field: "interviewee",
      message: "This interview already has a candidate; it cannot be changed",
    };
  }
  if (/cursor/.test(lower))
    return { field: "after", message: "That page no longer exists; start from the first page" };
  const field = FIELD_PATTERN.exec(clipped)?.[1];
  if (field && /time zone/.test(lower))
    return { field, message: "Choose a time zone such as America/New_York" };
  if (field && /email/.test(lower)) return { field, message: "Enter a valid email address" };
  if (field && /must not be empty/.test(lower)) return { field, message: "This field is required" };
  if (field && /longer than/.test(lower)) return { field, message: "This value is too long" };
  if (field && /(date|time)/.test(lower) && /(offset|valid)/.test(lower)) {
    return { field, message: "Enter a valid date and time" };
  }
  return { field, message: clipped };
}

/**
 * Turns a GraphQL `errors` array (with the root field's data null) into one IndeedError.
 * `inputRoot` is where the operation's input lives in our variables (`input`), so that
 * field errors are keyed like the form's fields (`input.endTime`).
 */
export function mapGraphqlErrors(errors: GraphqlErrorLike[], inputRoot = "input"): IndeedError {
  const codes = errors.map(graphqlErrorCode);
  if (codes.includes("UNAUTHENTICATED")) return new IndeedError("RECONNECT_REQUIRED");
  if (codes.includes("RATE_LIMITED")) return new IndeedError("RATE_LIMITED");
  if (
    codes.some((code) => code === "INTERNAL_SERVER_ERROR" || code === "DOWNSTREAM_SERVICE_ERROR")
  ) {
    return new IndeedError("INDEED_UNAVAILABLE");
  }
  if (codes.includes("FORBIDDEN") || codes.includes("NOT_FOUND"))
    return new IndeedError("FORBIDDEN");
  if (codes.includes("BAD_USER_INPUT") || codes.includes("BAD_REQUEST")) {
    const fieldErrors: Record<string, string> = {};
    let general: string | undefined;
    for (const error of errors) {
      const code = graphqlErrorCode(error);
      if (code !== "BAD_USER_INPUT" && code !== "BAD_REQUEST") continue;
      const text = typeof error.message === "string" ? error.message : "";
      const { field, message } = friendlyInputMessage(text);
      if (field) {
        const key =
          field === "after" || field === "first" || field.startsWith("ids")
            ? field
            : `${inputRoot}.${field}`;
        fieldErrors[key] ??= message;
      } else {
        general ??= message;
      }
    }
    return new IndeedError("BAD_USER_INPUT", general ?? defaultMessage("BAD_USER_INPUT"), {
      fieldErrors,
    });
  }
  // GRAPHQL_PARSE_FAILED / VALIDATION_FAILED: our own document is out of step with Indeed.
  return new IndeedError("INTERNAL_ERROR");
}

/** A zod error's issues → `{ "input.endTime": "message" }` (first message per path). */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path
      .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
      .join(".");
    result[(key || "_").replace(/\.\[/g, "[")] ??= issue.message;
  }
  return result;
}
