import "server-only";
import * as client from "openid-client";
import { z } from "zod";
import { config } from "@/lib/config";

/**
 * Indeed's OAuth server as Lobby uses it, through openid-client (docs/decisions/0016): one
 * Configuration per issuer and client, from discovery, cached for a few minutes and dropped as
 * soon as a call through it finds Indeed unreachable. Every call has a 5 s deadline. ID tokens
 * (code exchange and refresh) are checked by openid-client: `iss`, `aud`, `exp`, `iat`, the
 * nonce at sign-in, and, with its non-repudiation checks, the signature against the issuer's
 * JWKS (an unknown `kid` refetches it; `alg: none` and HS* are refused). Plain http only for
 * the local sandbox on a loopback address. Nothing here logs a token.
 */

const REQUEST_TIMEOUT_SECONDS = 5;
const DISCOVERY_TTL_MS = 5 * 60_000;

/** What the app asks Indeed for. `openid`/`profile` are not Indeed scopes. */
export const INDEED_SCOPES = "email employer_access offline_access interviews.schedule";

export interface IndeedOAuthSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The issuer is the local sandbox (config().indeed.usesSandbox): http on loopback allowed. */
  sandbox: boolean;
}

export function oauthSettings(): IndeedOAuthSettings {
  const { issuer, clientId, clientSecret, usesSandbox } = config().indeed;
  return { issuer, clientId, clientSecret, sandbox: usesSandbox };
}

/** What Lobby keeps of a token endpoint answer. */
export interface IndeedTokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
  refresh_token?: string;
  id_token?: string;
}

const configurations = new Map<string, { at: number; value: Promise<client.Configuration> }>();

function cacheKey(settings: IndeedOAuthSettings): string {
  return JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The issuer's Configuration (discovery, client_secret_post, non-repudiation checks), cached
 * per issuer and client; a failed discovery is not cached.
 */
export function indeedConfiguration(
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<client.Configuration> {
  const key = cacheKey(settings);
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.value;
  const insecure = settings.sandbox && isLoopback(settings.issuer);
  const value = client
    .discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      client.ClientSecretPost(settings.clientSecret),
      {
        timeout: REQUEST_TIMEOUT_SECONDS,
        execute: insecure
          ? [client.allowInsecureRequests, client.enableNonRepudiationChecks]
          : [client.enableNonRepudiationChecks],
      },
    )
    .then((configuration) => {
      configuration.timeout = REQUEST_TIMEOUT_SECONDS;
      return configuration;
    });
  configurations.set(key, { at: Date.now(), value });
  value.catch(() => forget(settings, value));
  return value;
}

function forget(settings: IndeedOAuthSettings, value?: Promise<client.Configuration>): void {
  const key = cacheKey(settings);
  if (!value || configurations.get(key)?.value === value) configurations.delete(key);
}

/** The issuer's metadata (health checks): discovery through the cache. */
export async function discover(issuer: string = oauthSettings().issuer) {
  return (await indeedConfiguration({ ...oauthSettings(), issuer })).serverMetadata();
}

/**
 * Why a call to Indeed's OAuth server did not succeed, read from openid-client's errors:
 * - `unavailable`: unreachable, timed out, 5xx, 429 or an unreadable answer: nothing decided.
 * - `oauth_error`: the token endpoint's RFC 6749 error (`invalid_grant`, ...).
 * - `authorization_error`: the authorization response carried `error` (the user pressed Deny).
 * - `state_mismatch`: the callback's `state` is not this browser's.
 * - `issuer_mismatch`: the callback's `iss` is missing or another issuer's (RFC 9207, mix-up).
 * - `id_token_invalid`: the ID token failed a check (signature, alg, iss, aud, exp, iat, nonce).
 * - `failed`: anything else.
 */
export type OAuthFailure =
  | { kind: "unavailable"; status?: number; retryAfterSeconds?: number }
  | { kind: "oauth_error"; error: string; status: number }
  | { kind: "authorization_error"; error: string }
  | { kind: "state_mismatch" }
  | { kind: "issuer_mismatch" }
  | { kind: "id_token_invalid" }
  | { kind: "failed" };

const UNAVAILABLE_CODES = new Set([
  "OAUTH_TIMEOUT",
  "OAUTH_ABORT",
  "OAUTH_RESPONSE_IS_NOT_CONFORM",
  "OAUTH_RESPONSE_IS_NOT_JSON",
]);
const ID_TOKEN_CODES = new Set([
  "OAUTH_INVALID_RESPONSE",
  "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
  "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
  "OAUTH_KEY_SELECTION_FAILED",
  "OAUTH_UNSUPPORTED_OPERATION",
  "OAUTH_PARSE_ERROR",
]);

function unavailable(response: unknown): OAuthFailure {
  if (!(response instanceof Response)) return { kind: "unavailable" };
  const retryAfter = Number(response.headers.get("retry-after"));
  return {
    kind: "unavailable",
    status: response.status,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/** openid-client's error → an OAuthFailure. `issuer` tells a wrong `iss` from a wrong `state`. */
export function oauthFailure(error: unknown, issuer?: string): OAuthFailure {
  if (error instanceof client.AuthorizationResponseError)
    return { kind: "authorization_error", error: error.error };
  if (error instanceof client.ResponseBodyError) {
    if (error.status >= 500 || error.status === 429) return unavailable(error.response);
    return { kind: "oauth_error", error: error.error, status: error.status };
  }
  if (error instanceof client.WWWAuthenticateChallengeError)
    return { kind: "oauth_error", error: "invalid_client", status: error.status };
  // fetch's own failure (refused, reset, DNS): openid-client passes the TypeError on.
  if (error instanceof TypeError)
    return "code" in error && String(error.code).startsWith("ERR_INVALID_ARG")
      ? { kind: "failed" }
      : { kind: "unavailable" };
  if (!(error instanceof client.ClientError)) return { kind: "failed" };
  if (UNAVAILABLE_CODES.has(error.code ?? "")) return unavailable(error.cause);
  // The authorization response's own checks (iss first, then state) carry its parameters.
  const detail = (error.cause as { cause?: { parameters?: unknown } } | undefined)?.cause;
  if (detail?.parameters instanceof URLSearchParams) {
    const iss = detail.parameters.get("iss");
    return iss !== null && iss === issuer
      ? { kind: "state_mismatch" }
      : { kind: "issuer_mismatch" };
  }
  if (ID_TOKEN_CODES.has(error.code ?? "")) return { kind: "id_token_invalid" };
  return { kind: "failed" };
}

/** Runs `call` with the issuer's Configuration; Indeed unreachable drops the cached one. */
export async function withIndeed<T>(
  settings: IndeedOAuthSettings,
  call: (configuration: client.Configuration) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; failure: OAuthFailure }> {
  let configuration: client.Configuration;
  try {
    configuration = await indeedConfiguration(settings);
  } catch {
    return { ok: false, failure: { kind: "unavailable" } };
  }
  try {
    return { ok: true, value: await call(configuration) };
  } catch (error) {
    const failure = oauthFailure(error, settings.issuer);
    if (failure.kind === "unavailable") forget(settings);
    return { ok: false, failure };
  }
}

export function tokenResponse(tokens: client.TokenEndpointResponse): IndeedTokenResponse {
  return {
    access_token: tokens.access_token,
    token_type: tokens.token_type,
    expires_in: tokens.expires_in,
    scope: tokens.scope,
    refresh_token: tokens.refresh_token,
    id_token: tokens.id_token,
  };
}

const employerClaimSchema = z.array(
  z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(300) }).passthrough(),
);

export interface IndeedIdentity {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  employers: { id: string; name: string; advertiserId: string | null }[];
}

/** The person an ID token names, from claims openid-client has already validated. */
export function identityFromClaims(claims: client.IDToken): IndeedIdentity {
  const employers = employerClaimSchema.safeParse(claims.employers ?? []);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    name: typeof claims.name === "string" ? claims.name : null,
    email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
    employers: employers.success
      ? employers.data.map((e) => ({
          id: e.id,
          name: e.name,
          advertiserId: typeof e.advertiserId === "string" ? e.advertiserId : null,
        }))
      : [],
  };
}

export type RefreshResult =
  | { ok: true; tokens: IndeedTokenResponse; identity?: IndeedIdentity }
  | { ok: false; failure: OAuthFailure };

/**
 * A refresh grant that sends `employer` again (Indeed wants it at every refresh). An ID token
 * in the answer is validated (signature included) and its person returned. Never throws.
 */
export async function refreshGrant(
  refreshToken: string,
  employer: string | undefined,
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<RefreshResult> {
  const result = await withIndeed(settings, (configuration) =>
    client.refreshTokenGrant(configuration, refreshToken, employer ? { employer } : {}),
  );
  if (!result.ok) return result;
  const claims = result.value.claims();
  return {
    ok: true,
    tokens: tokenResponse(result.value),
    identity: claims ? identityFromClaims(claims) : undefined,
  };
}

/** Revokes a token at the issuer's revocation endpoint. Best effort: false when it could not. */
export async function revokeToken(
  token: string,
  hint: "access_token" | "refresh_token",
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<boolean> {
  const result = await withIndeed(settings, async (configuration) => {
    if (!configuration.serverMetadata().revocation_endpoint) return false;
    await client.tokenRevocation(configuration, token, { token_type_hint: hint });
    return true;
  });
  return result.ok && result.value;
}

const userinfoEmployersSchema = z.object({
  employers: z.array(z.object({ id: z.string().min(1).max(200) }).passthrough()).default([]),
});

/**
 * The employers userinfo lists for the token's user, who must be `subject`; empty when Indeed
 * cannot be asked or answers for someone else.
 */
export async function listEmployers(
  accessToken: string,
  subject: string,
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<{ id: string }[]> {
  const result = await withIndeed(settings, (configuration) =>
    client.fetchUserInfo(configuration, accessToken, subject),
  );
  if (!result.ok) return [];
  const parsed = userinfoEmployersSchema.safeParse(result.value);
  return parsed.success ? parsed.data.employers : [];
}

/** The scopes the app needs; a grant missing any of them is refused at sign-in. */
export const REQUIRED_SCOPES = [
  "email",
  "employer_access",
  "offline_access",
  "interviews.schedule",
] as const;

export function missingScopes(granted: string | undefined): string[] {
  // RFC 6749 §5.1: a response without `scope` granted exactly what was asked.
  if (granted === undefined) return [];
  const have = new Set(granted.split(/\s+/).filter(Boolean));
  // "interviews" is the older guide's name for interviews.schedule.
  if (have.has("interviews")) have.add("interviews.schedule");
  return REQUIRED_SCOPES.filter((scope) => scope !== "email" && !have.has(scope));
}
