/**
 * The one app error: a closed set of codes, each with its HTTP status and the message a person
 * reads by default (docs/errors.md is the same table in prose). Every refusal and failure that
 * crosses a request boundary is an AppError by then: thrown as one, or mapped to one by
 * lib/http/to-app-error.ts. Its JSON body is `{ error: { code, message, requestId, fieldErrors? } }`
 * and nothing else: no stack, no upstream message that was not rewritten in our words.
 * Pure and client-safe: the browser reads the same codes (lib/http/error-body.ts).
 */

export const ERROR_CODES = {
  INVALID_REQUEST: { status: 400, message: "The request is not valid" },
  UNKNOWN_OPERATION: { status: 400, message: "Unknown operation" },
  NOT_SIGNED_IN: { status: 401, message: "Sign in with Indeed to continue" },
  FORBIDDEN: { status: 403, message: "You do not have access to this" },
  METHOD_NOT_ALLOWED: { status: 405, message: "This address does not take that method" },
  RECONNECT_REQUIRED: { status: 409, message: "Reconnect to Indeed to continue" },
  /** Not a plain failure: repeating the request could make the change twice (docs/errors.md). */
  OUTCOME_UNKNOWN: {
    status: 409,
    message:
      "Indeed may have made this change; Lobby is checking with Indeed before it can be tried again",
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send JSON (Content-Type: application/json)" },
  BAD_USER_INPUT: {
    status: 422,
    message: "Some values were not accepted; check the highlighted fields",
  },
  RATE_LIMITED: {
    status: 429,
    message: "Indeed is receiving too many requests; try again in a minute",
  },
  INTERNAL_ERROR: { status: 500, message: "Something went wrong; try again" },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: "Lobby cannot reach its database right now; try again in a moment",
  },
  INDEED_UNAVAILABLE: {
    status: 503,
    message: "Indeed is unavailable right now; try again in a moment",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

export function defaultMessage(code: ErrorCode): string {
  return ERROR_CODES[code].message;
}

/** The JSON body of every failed response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    /** Keyed by variable path (`input.endTime`): the form shows each at its field. */
    fieldErrors?: Record<string, string>;
  };
}

export interface AppErrorOptions {
  fieldErrors?: Record<string, string>;
  /** Sent as `Retry-After` (RATE_LIMITED, INDEED_UNAVAILABLE). */
  retryAfterSeconds?: number;
  /**
   * Another status for the same code; only INDEED_UNAVAILABLE uses it (504 when Indeed did
   * not answer in time, as lib/indeed/client.ts reports it).
   */
  status?: number;
  cause?: unknown;
}

/** Marks every AppError, whichever copy of this module made it (see `Symbol.hasInstance`). */
const APP_ERROR = Symbol.for("lobby.AppError");

export class AppError extends Error {
  readonly status: number;
  readonly [APP_ERROR] = true;
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessage(code),
    readonly options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.status = options.status ?? ERROR_CODES[code].status;
  }

  /**
   * `instanceof AppError` holds for an AppError made by another bundle's copy of this module:
   * Next bundles routes and pages apart, and the process's Indeed client (one per process, on
   * globalThis) throws the AppError of whichever bundle made it first. Subclasses keep the
   * ordinary check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true
    );
  }

  get fieldErrors(): Record<string, string> | undefined {
    return this.options.fieldErrors;
  }

  get retryAfterSeconds(): number | undefined {
    return this.options.retryAfterSeconds;
  }

  toBody(requestId: string): ErrorBody {
    const fieldErrors = this.fieldErrors;
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(fieldErrors && Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
        requestId,
      },
    };
  }
}
