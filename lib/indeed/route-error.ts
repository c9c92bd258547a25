import type { ErrorCode } from "@/lib/http/app-error";
import { readErrorBody } from "@/lib/http/error-body";

/** What the react-query hooks throw when the route answers an error. Client-safe. */
export class IndeedRouteError extends Error {
  constructor(
    readonly code: ErrorCode | "NETWORK_ERROR",
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "IndeedRouteError";
  }

  /** A failed response's status and JSON body (null when it had none), read by the one parser. */
  static fromResponse(status: number, body: unknown): IndeedRouteError {
    const { code, message, fieldErrors, requestId } = readErrorBody(body);
    return new IndeedRouteError(code, message, status, fieldErrors, requestId);
  }

  /** The user must sign in again (no session) or reconnect Indeed (refresh token refused). */
  get needsSignIn(): boolean {
    return this.code === "NOT_SIGNED_IN" || this.code === "RECONNECT_REQUIRED";
  }
}
