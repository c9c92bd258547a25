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
    return needsSignIn(this.code);
  }
}

/** Whether an error code means signing in again: no session, or Indeed's refresh refused. */
export function needsSignIn(code: string): boolean {
  return code === "NOT_SIGNED_IN" || code === "RECONNECT_REQUIRED";
}

/** What a request that never got an answer from Lobby says. */
const LOBBY_UNREACHABLE_MESSAGE = "Lobby could not be reached; check your connection";

/**
 * POSTs JSON to one of Lobby's own routes from the browser, with the session cookie. A request
 * that got no answer throws IndeedRouteError NETWORK_ERROR; an abort is rethrown as it is.
 */
export async function postToLobby(
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  try {
    return await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new IndeedRouteError("NETWORK_ERROR", LOBBY_UNREACHABLE_MESSAGE, 0);
  }
}
