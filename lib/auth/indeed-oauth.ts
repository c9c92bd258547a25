import "server-only";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { z } from "zod";
import { config } from "@/lib/config";

/**
 * Indeed's OAuth endpoints as the app uses them outside next-auth's redirect dance: discovery,
 * the token endpoint (code exchange, refresh), revocation and ID-token verification. Every call
 * has a deadline; nothing here logs a token.
 */

const REQUEST_TIMEOUT_MS = 5_000;
const DISCOVERY_TTL_MS = 5 * 60_000;

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  userinfo_endpoint: z.string().url().optional(),
  revocation_endpoint: z.string().url().optional(),
});
export type IndeedDiscovery = z.infer<typeof discoverySchema>;

export interface IndeedOAuthSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export function oauthSettings(): IndeedOAuthSettings {
  const { issuer, clientId, clientSecret } = config().indeed;
  return { issuer, clientId, clientSecret };
}

/** Indeed could not be reached, timed out, or answered 5xx/429. */
export class IndeedUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "IndeedUnavailableError";
  }
}

const discoveryCache = new Map<string, { at: number; value: Promise<IndeedDiscovery> }>();

/** The issuer's OpenID configuration, cached for a few minutes; a failure is not cached. */
export function discover(issuer: string = oauthSettings().issuer): Promise<IndeedDiscovery> {
  const cached = discoveryCache.get(issuer);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.value;
  const value = (async () => {
    let response: Response;
    try {
      response = await fetch(`${issuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: { accept: "application/json" },
      });
    } catch {
      throw new IndeedUnavailableError("Indeed's sign-in service cannot be reached");
    }
    if (!response.ok)
      throw new IndeedUnavailableError(`Indeed's discovery answered ${response.status}`);
    const parsed = discoverySchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      throw new IndeedUnavailableError("Indeed's discovery document is malformed");
    if (parsed.data.issuer.replace(/\/$/, "") !== issuer) {
      throw new IndeedUnavailableError("Indeed's discovery names another issuer");
    }
    return parsed.data;
  })();
  discoveryCache.set(issuer, { at: Date.now(), value });
  value.catch(() => discoveryCache.delete(issuer));
  return value;
}

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().int().positive().optional(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
});
export type IndeedTokenResponse = z.infer<typeof tokenResponseSchema>;

export type TokenRequestResult =
  | { ok: true; tokens: IndeedTokenResponse }
  /** RFC 6749 error from the token endpoint (4xx): `invalid_grant`, `invalid_request`, ... */
  | { ok: false; kind: "oauth_error"; error: string; status: number }
  /** Network error, timeout, 5xx or 429: nothing was decided; keep the refresh token. */
  | { ok: false; kind: "unavailable"; status?: number; retryAfterSeconds?: number };

/** POSTs a grant to the token endpoint (form body, client_secret_post). Never throws for HTTP. */
export async function requestToken(
  grant: Record<string, string | undefined>,
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<TokenRequestResult> {
  let endpoint: string;
  try {
    endpoint = (await discover(settings.issuer)).token_endpoint;
  } catch {
    return { ok: false, kind: "unavailable" };
  }
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(grant)) if (value !== undefined) body.set(key, value);
  body.set("client_id", settings.clientId);
  body.set("client_secret", settings.clientSecret);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, kind: "unavailable" };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.status >= 500 || response.status === 429) {
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      ok: false,
      kind: "unavailable",
      status: response.status,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    };
  }
  if (!response.ok) {
    const error =
      json && typeof json === "object" && typeof (json as { error?: unknown }).error === "string"
        ? (json as { error: string }).error
        : "invalid_request";
    return { ok: false, kind: "oauth_error", error, status: response.status };
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) return { ok: false, kind: "unavailable", status: response.status };
  return { ok: true, tokens: parsed.data };
}

/** Revokes a token at the issuer's revocation endpoint, if it has one. Best effort. */
export async function revokeToken(
  token: string,
  hint: "access_token" | "refresh_token",
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<boolean> {
  try {
    const endpoint = (await discover(settings.issuer)).revocation_endpoint;
    if (!endpoint) return false;
    const body = new URLSearchParams({
      token,
      token_type_hint: hint,
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
    });
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

const employerClaimSchema = z.array(
  z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(300) }).passthrough(),
);

export interface IndeedIdentity {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  employers: { id: string; name: string; advertiserId: string | null }[];
  claims: JWTPayload;
}

/**
 * Verifies an ID token: signature against the issuer's JWKS (refetched on an unknown `kid`),
 * asymmetric algorithms only (`none` and HS256 are refused), `iss`, `aud`, `exp`, `iat`.
 */
export async function verifyIdToken(
  idToken: string,
  settings: IndeedOAuthSettings = oauthSettings(),
  options: { currentDate?: Date } = {},
): Promise<IndeedIdentity> {
  const { jwks_uri } = await discover(settings.issuer);
  let jwks = jwksCache.get(jwks_uri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(jwks_uri), {
      timeoutDuration: REQUEST_TIMEOUT_MS,
      cooldownDuration: 30_000,
    });
    jwksCache.set(jwks_uri, jwks);
  }
  const { payload } = await jwtVerify(idToken, jwks, {
    issuer: settings.issuer,
    audience: settings.clientId,
    algorithms: ["ES256", "ES384", "RS256", "PS256", "EdDSA"],
    requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
    clockTolerance: 60,
    currentDate: options.currentDate,
  });
  const employers = employerClaimSchema.safeParse(payload.employers ?? []);
  return {
    issuer: settings.issuer,
    subject: payload.sub!,
    name: typeof payload.name === "string" ? payload.name : null,
    email: typeof payload.email === "string" ? payload.email.toLowerCase() : null,
    employers: employers.success
      ? employers.data.map((e) => ({
          id: e.id,
          name: e.name,
          advertiserId: typeof e.advertiserId === "string" ? e.advertiserId : null,
        }))
      : [],
    claims: payload,
  };
}

const userinfoEmployersSchema = z.object({
  employers: z.array(z.object({ id: z.string().min(1).max(200) }).passthrough()).default([]),
});

/** The employers userinfo lists for the token's user; empty when Indeed cannot be asked. */
export async function listEmployers(
  accessToken: string,
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<{ id: string }[]> {
  try {
    const endpoint = (await discover(settings.issuer)).userinfo_endpoint;
    if (!endpoint) return [];
    const response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) return [];
    const parsed = userinfoEmployersSchema.safeParse(await response.json().catch(() => null));
    return parsed.success ? parsed.data.employers : [];
  } catch {
    return [];
  }
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
  const have = new Set((granted ?? "").split(/\s+/).filter(Boolean));
  // "interviews" is the older guide's name for interviews.schedule.
  if (have.has("interviews")) have.add("interviews.schedule");
  return REQUIRED_SCOPES.filter((scope) => scope !== "email" && !have.has(scope));
}
