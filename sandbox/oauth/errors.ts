import type { ServerResponse } from "node:http";
import { sendJson } from "../core/http";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "temporarily_unavailable"
  | "server_error"
  | "invalid_token"
  | "insufficient_scope";

/**
 * An RFC 6749 error answer. `detail` says why, for the journal only: the response itself
 * carries `description`, which for `invalid_grant` is always just "Invalid grant".
 */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = 400,
    readonly detail?: string,
    readonly outcome: string = error,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${error}: ${description}`);
  }
}

/** Indeed answers every invalid_grant cause with the same generic text. */
export function invalidGrant(detail: string, outcome = "invalid_grant"): OAuthError {
  return new OAuthError("invalid_grant", "Invalid grant", 400, detail, outcome);
}

export function invalidRequest(description: string): OAuthError {
  return new OAuthError("invalid_request", description);
}

export function sendOAuthError(res: ServerResponse, error: OAuthError): void {
  sendJson(
    res,
    error.status,
    { error: error.error, error_description: error.description },
    { Pragma: "no-cache", ...error.headers },
  );
}
