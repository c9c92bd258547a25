import { defaultMessage, isErrorCode, type ErrorCode } from "./app-error";

/**
 * The one reader of the error shape `{ error: { code, message, requestId, fieldErrors? } }`,
 * for the browser: the react-query hooks read a failed response's body with it, and the forms
 * read the error the hooks threw with it. Whatever arrives (an HTML page from a proxy, an
 * unknown code, a field error that is not a string) comes out as a known code and plain strings.
 * Pure and client-safe.
 */
export interface ParsedError {
  code: ErrorCode;
  message: string;
  fieldErrors: Record<string, string>;
  requestId?: string;
}

/** What a response that is not in the error shape reads as (a proxy's page, a cut connection). */
const FALLBACK: ErrorCode = "INDEED_UNAVAILABLE";
const FALLBACK_MESSAGE = "Something went wrong; try again";
const MAX_TEXT = 500;

/** Reads one error object: a body's `error` member, or an error the hooks threw. */
export function readError(value: unknown): ParsedError {
  const error = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const code = isErrorCode(error.code) ? error.code : FALLBACK;
  const message =
    typeof error.message === "string" && error.message.trim() !== ""
      ? error.message.slice(0, MAX_TEXT)
      : isErrorCode(error.code)
        ? defaultMessage(code)
        : FALLBACK_MESSAGE;
  const fieldErrors: Record<string, string> = {};
  if (error.fieldErrors && typeof error.fieldErrors === "object") {
    for (const [path, text] of Object.entries(error.fieldErrors)) {
      if (typeof text === "string") fieldErrors[path] = text.slice(0, MAX_TEXT);
    }
  }
  return {
    code,
    message,
    fieldErrors,
    ...(typeof error.requestId === "string" ? { requestId: error.requestId.slice(0, 100) } : {}),
  };
}

/** Reads a failed response's JSON body (or null when it was not JSON). */
export function readErrorBody(body: unknown): ParsedError {
  return readError(body && typeof body === "object" ? (body as { error?: unknown }).error : null);
}
