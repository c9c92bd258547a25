import type { IndeedErrorCode } from "./errors";

/** What the react-query hooks throw when the route answers an error. Client-safe. */
export class IndeedRouteError extends Error {
  constructor(
    readonly code: IndeedErrorCode | "NETWORK_ERROR",
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "IndeedRouteError";
  }

  /** The user must sign in again (no session) or reconnect Indeed (refresh token refused). */
  get needsSignIn(): boolean {
    return this.code === "NOT_SIGNED_IN" || this.code === "RECONNECT_REQUIRED";
  }
}
