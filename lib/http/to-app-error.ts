import "server-only";
import { TokenDecryptionError } from "@/lib/auth/token-crypto";
import { TokenServiceError } from "@/lib/auth/tokens";
import { ConstraintViolationError } from "@/lib/db/errors";
import { isDatabaseConnectionLost } from "@/lib/health/database-errors";
import { AppError } from "./app-error";

/**
 * The one place where the errors of other layers become AppErrors. Anything it does not know is
 * undefined: the caller logs it and answers INTERNAL_ERROR with the request id, never its text.
 * AppError's own subclasses (CsvSyntaxError) pass through as they are. The OAuth layer's
 * "Indeed unavailable" never gets this far: lib/auth/tokens.ts turns it into a TokenServiceError.
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof TokenServiceError) {
    // Its messages are written for people (lib/auth/tokens.ts toError).
    return new AppError(error.code, error.message, {
      retryAfterSeconds: error.retryAfterSeconds,
      cause: error,
    });
  }
  if (error instanceof TokenDecryptionError) {
    // A stored token that no key opens: the connection is as good as refused (lib/auth/tokens.ts).
    return new AppError("RECONNECT_REQUIRED", undefined, { cause: error });
  }
  if (error instanceof ConstraintViolationError) {
    return new AppError("INVALID_REQUEST", error.userMessage, { cause: error });
  }
  if (isDatabaseConnectionLost(error)) {
    // A restart or failover under the request: the pool reconnects for the next one.
    return new AppError("DATABASE_UNAVAILABLE", undefined, { cause: error });
  }
  return undefined;
}

/**
 * Any error as the AppError to answer with: a known one as mapped, anything else logged (with
 * the request id a person can quote) and answered INTERNAL_ERROR. Next's own control flow
 * (redirect(), notFound()) is not an error: callers rethrow it first (unstable_rethrow).
 */
export function answerFor(
  error: unknown,
  requestId: string,
  where: string,
  log: (line: string) => void = (line) => console.error(line),
): AppError {
  const known = toAppError(error);
  if (known) {
    if (known.status >= 500) log(`[${where}] ${requestId} ${known.code}: ${describe(error)}`);
    return known;
  }
  log(`[${where}] ${requestId} unexpected ${describe(error)}`);
  return new AppError("INTERNAL_ERROR", undefined, { cause: error });
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return typeof error;
}
