import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { config } from "@/lib/config";
import {
  listEmployers,
  missingScopes,
  oauthSettings,
  requestToken,
  verifyIdToken,
  type IndeedIdentity,
  type IndeedOAuthSettings,
  type IndeedTokenResponse,
} from "./indeed-oauth";
import { callbackContext } from "./callback-context";
import type { SignInErrorCode } from "./sign-in-errors";

/** What the app asks Indeed for. `openid`/`profile` are not Indeed scopes. */
export const INDEED_SCOPES = "email employer_access offline_access interviews.schedule";

/**
 * The token set next-auth hands to the `signIn` and `jwt` callbacks. When the code exchange
 * or the ID-token check fails, `lobby_error` says why and nothing else is set: next-auth's
 * own errors all read "OAuthCallback", and the user deserves to know which one it was.
 */
export type IndeedSignInTokens = Partial<IndeedTokenResponse> & {
  employer?: string;
  lobby_identity?: IndeedIdentity;
  lobby_error?: SignInErrorCode;
};

export interface IndeedProfile {
  sub: string;
  name: string | null;
  email: string | null;
  lobby_error?: SignInErrorCode;
}

/**
 * next-auth's provider for Indeed (or the sandbox): discovery on the configured issuer, PKCE,
 * state and nonce, `prompt=select_employer`. The code exchange is ours (`token.request`)
 * because Indeed wants the `employer` the callback returned sent along with the code. A custom
 * exchange skips openid-client's own checks, so this one does them all: the state against the
 * browser's state cookie, then the ID token (signature, iss, aud, exp, iat, nonce), then the
 * employer against the ones Indeed lists for the user.
 */
export function indeedProvider(): OAuthConfig<IndeedProfile> {
  const { issuer, clientId, clientSecret } = config().indeed;
  return {
    id: "indeed",
    name: "Indeed",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    checks: ["pkce", "state", "nonce"],
    // We verify the ID token ourselves (token.request), so next-auth must not decode it unchecked.
    idToken: false,
    client: { token_endpoint_auth_method: "client_secret_post" },
    authorization: { params: { scope: INDEED_SCOPES, prompt: "select_employer" } },
    httpOptions: { timeout: 5_000 },
    token: {
      async request({ params, checks, provider }) {
        // A callback this browser did not start (login CSRF, a replayed or edited redirect).
        if (!sameSecret(params.state, checks.state))
          return { tokens: { lobby_error: "state_mismatch" } as never };
        const tokens = await exchangeCode({
          code: params.code,
          iss: typeof params.iss === "string" ? params.iss : undefined,
          employer: callbackEmployer(params.employer),
          codeVerifier: checks.code_verifier,
          nonce: (checks as { nonce?: string }).nonce,
          redirectUri: provider.callbackUrl,
        });
        return { tokens: tokens as never };
      },
    },
    userinfo: {
      // The verified ID token is the profile; Indeed's userinfo adds nothing we need.
      async request({ tokens }) {
        const set = tokens as unknown as IndeedSignInTokens;
        const identity = set.lobby_identity;
        const profile: IndeedProfile = identity
          ? { sub: identity.subject, name: identity.name, email: identity.email }
          : {
              sub: "unknown",
              name: null,
              email: null,
              lobby_error: set.lobby_error ?? "sign_in_failed",
            };
        return profile as never;
      },
    },
    profile(profile) {
      return { id: profile.sub, name: profile.name, email: profile.email };
    },
  };
}

/** Constant-time equality of two non-empty strings; false when either is missing. */
export function sameSecret(received: unknown, expected: unknown): boolean {
  if (typeof received !== "string" || typeof expected !== "string") return false;
  if (!received || !expected) return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `employer` from the callback (openid-client drops unknown parameters; the route kept it). */
function callbackEmployer(fromParams: unknown): string | undefined {
  const value =
    typeof fromParams === "string" && fromParams
      ? fromParams
      : callbackContext.getStore()?.employer;
  return value && value.length <= 200 ? value : undefined;
}

/** The code exchange with `employer`, then `acceptTokens`. Never throws. */
export async function exchangeCode(
  input: {
    code: string | undefined;
    iss?: string;
    employer?: string;
    codeVerifier?: string;
    nonce?: string;
    redirectUri: string;
  },
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<IndeedSignInTokens> {
  if (!input.code) return { lobby_error: "sign_in_failed" };
  // RFC 9207: a response naming another issuer is a mix-up attack.
  if (input.iss !== undefined && input.iss.replace(/\/$/, "") !== settings.issuer)
    return { lobby_error: "sign_in_failed" };
  const result = await requestToken(
    {
      grant_type: "authorization_code",
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
      employer: input.employer,
    },
    settings,
  );
  if (!result.ok) {
    if (result.kind === "unavailable") return { lobby_error: "indeed_unavailable" };
    return { lobby_error: result.error === "invalid_grant" ? "code_invalid" : "sign_in_failed" };
  }
  return acceptTokens(result.tokens, input, settings);
}

/**
 * What a code exchange answered, checked before it is trusted: the ID token (signature, iss,
 * aud, exp, iat and this browser's `nonce`), the granted scopes, and the `employer`, which
 * counts only if Indeed lists it for this user. Tokens refused here stay in the answer so the
 * `signIn` callback can revoke them.
 */
export async function acceptTokens(
  tokens: IndeedTokenResponse,
  input: { employer?: string; nonce?: string },
  settings: IndeedOAuthSettings = oauthSettings(),
): Promise<IndeedSignInTokens> {
  if (!tokens.id_token) return { ...tokens, lobby_error: "sign_in_failed" };
  let identity: IndeedIdentity;
  try {
    identity = await verifyIdToken(tokens.id_token, settings);
  } catch (error) {
    console.warn("[auth] ID token refused:", (error as Error).name);
    const unavailable = (error as Error).name === "IndeedUnavailableError";
    return { ...tokens, lobby_error: unavailable ? "indeed_unavailable" : "id_token_invalid" };
  }
  const set: IndeedSignInTokens = { ...tokens, employer: input.employer, lobby_identity: identity };
  // An ID token replayed from another sign-in carries another nonce, or none.
  if (!sameSecret(identity.claims.nonce, input.nonce)) set.lobby_error = "id_token_invalid";
  else if (missingScopes(tokens.scope).length > 0 || !tokens.refresh_token)
    set.lobby_error = "partial_scopes";
  else if (!input.employer) set.lobby_error = "no_employer";
  else if (!(await employerListed(input.employer, identity, tokens.access_token, settings)))
    set.lobby_error = "employer_not_allowed";
  return set;
}

/**
 * Whether Indeed lists `employer` for the signed-in user: in the verified ID token's
 * `employers` claim, or else in userinfo's list (Indeed may name only the selected employer's
 * advertiser id in the ID token). Unreachable userinfo counts as "not listed": fail closed.
 */
async function employerListed(
  employer: string,
  identity: IndeedIdentity,
  accessToken: string,
  settings: IndeedOAuthSettings,
): Promise<boolean> {
  if (identity.employers.some((e) => e.id === employer)) return true;
  const listed = await listEmployers(accessToken, settings);
  return listed.some((e) => e.id === employer);
}
