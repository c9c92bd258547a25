import "server-only";
import * as client from "openid-client";
import type { Database } from "@/lib/db/client";
import { completeSignIn } from "./complete-sign-in";
import {
  identityFromClaims,
  listEmployers,
  missingScopes,
  revokeToken,
  tokenResponse,
  withIndeed,
  type IndeedIdentity,
  type IndeedOAuthSettings,
  type IndeedTokenResponse,
  type OAuthFailure,
} from "./indeed-oauth";
import { safeReturnPath } from "./return-path";
import { serializeCookie, sessionCookieHeader } from "./session-cookie";
import { readCookie, redirectUriFor, signInCookies } from "./sign-in-cookies";
import { signInErrorCode, type SignInErrorCode } from "./sign-in-errors";
import type { TokenService } from "./tokens";

/**
 * Indeed's answer to a sign-in, as `GET /api/auth/callback/indeed` receives it, checked in this
 * order: this browser's state, PKCE verifier and nonce cookies exist; openid-client's
 * authorization code grant (RFC 9207 `iss`, `state`, an `error` parameter, the code exchange
 * with `employer` and the PKCE verifier, the ID token's signature against the JWKS, `iss`,
 * `aud`, `exp`, `iat` and nonce); then every scope and a refresh token were granted, an
 * employer was chosen, and Indeed lists it for this person. A refused grant is revoked. Every
 * outcome clears the state, PKCE, nonce and return cookies and answers `no-store`,
 * `no-referrer`, with a 303 to a clean URL: the return path, or `/signin/error?error=<code>`.
 */

export type CodeExchange =
  | { ok: true; identity: IndeedIdentity; tokens: IndeedTokenResponse; employer: string }
  /** `tokens`: what Indeed issued before Lobby refused it, to be revoked. */
  | { ok: false; error: SignInErrorCode; tokens?: IndeedTokenResponse };

export interface SignInChecks {
  state: string;
  pkceCodeVerifier: string;
  nonce: string;
}

/** The sign-in error page's code for a failed code exchange. */
export function signInErrorFor(failure: OAuthFailure): SignInErrorCode {
  switch (failure.kind) {
    case "unavailable":
      return "indeed_unavailable";
    case "oauth_error":
      return failure.error === "invalid_grant" ? "code_invalid" : "sign_in_failed";
    case "authorization_error":
      return signInErrorCode(failure.error);
    case "state_mismatch":
      return "state_mismatch";
    case "id_token_invalid":
      return "id_token_invalid";
    case "issuer_mismatch":
    case "failed":
      return "sign_in_failed";
  }
}

/**
 * The code exchange and the checks on what it answered. `callbackUrl` is the redirect URI with
 * the query Indeed sent. Never throws.
 */
export async function exchangeCode(
  callbackUrl: URL,
  checks: SignInChecks,
  settings: IndeedOAuthSettings,
): Promise<CodeExchange> {
  const employer = callbackUrl.searchParams.get("employer") || undefined;
  if (employer && employer.length > 200) return { ok: false, error: "employer_not_allowed" };
  const grant = await withIndeed(settings, (configuration) =>
    client.authorizationCodeGrant(
      configuration,
      callbackUrl,
      {
        pkceCodeVerifier: checks.pkceCodeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      },
      employer ? { employer } : undefined,
    ),
  );
  if (!grant.ok) {
    console.warn(`[auth] code exchange refused (${grant.failure.kind})`);
    return { ok: false, error: signInErrorFor(grant.failure) };
  }
  const tokens = tokenResponse(grant.value);
  const claims = grant.value.claims();
  if (!claims) return { ok: false, error: "id_token_invalid", tokens };
  const identity = identityFromClaims(claims);
  if (missingScopes(tokens.scope).length > 0 || !tokens.refresh_token)
    return { ok: false, error: "partial_scopes", tokens };
  if (!employer) return { ok: false, error: "no_employer", tokens };
  if (!(await employerListed(employer, identity, tokens.access_token, settings)))
    return { ok: false, error: "employer_not_allowed", tokens };
  return { ok: true, identity, tokens, employer };
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
  const listed = await listEmployers(accessToken, identity.subject, settings);
  return listed.some((e) => e.id === employer);
}

export interface FinishSignInDeps {
  appUrl: string;
  authSecret: string;
  oauth: IndeedOAuthSettings;
  db: Database;
  tokens: TokenService;
}

/** `GET /api/auth/callback/indeed`. */
export async function finishSignIn(request: Request, deps: FinishSignInDeps): Promise<Response> {
  const names = signInCookies(deps.appUrl);
  const cookieHeader = request.headers.get("cookie");
  const cookie = (name: string) => readCookie(cookieHeader, name);
  const response = await outcome(request, deps, {
    state: cookie(names.state),
    pkceCodeVerifier: cookie(names.pkceCodeVerifier),
    nonce: cookie(names.nonce),
    returnTo: cookie(names.returnTo),
  });
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  for (const name of [names.state, names.pkceCodeVerifier, names.nonce, names.returnTo])
    response.headers.append(
      "Set-Cookie",
      serializeCookie(name, "", { secure: names.secure, maxAge: 0 }),
    );
  return response;
}

async function outcome(
  request: Request,
  deps: FinishSignInDeps,
  cookies: Partial<SignInChecks> & { returnTo?: string },
): Promise<Response> {
  const { search, searchParams } = new URL(request.url);
  const { state, pkceCodeVerifier, nonce } = cookies;
  // No state, or no cookies: this browser did not start this sign-in, or already finished it
  // (a replayed callback), or took longer than the cookies live.
  if (!state || !pkceCodeVerifier || !nonce || !searchParams.get("state"))
    return errorPage(deps.appUrl, "state_mismatch");

  const callbackUrl = new URL(redirectUriFor(deps.appUrl));
  callbackUrl.search = search;
  const exchange = await exchangeCode(callbackUrl, { state, pkceCodeVerifier, nonce }, deps.oauth);
  if (!exchange.ok) {
    await revokeGrant(exchange.tokens, deps.oauth);
    return errorPage(deps.appUrl, exchange.error);
  }

  const { identity, tokens, employer } = exchange;
  let sessionCookie: string;
  try {
    const result = await completeSignIn(
      { identity, tokens, employerId: employer },
      { db: deps.db, tokens: deps.tokens },
    );
    // Exactly what the cookie holds: no Indeed token, no employer list.
    sessionCookie = await sessionCookieHeader(
      {
        sub: result.userId,
        sid: result.sessionId,
        cid: result.connectionId,
        name: identity.name,
        email: identity.email,
      },
      { appUrl: deps.appUrl, authSecret: deps.authSecret },
    );
  } catch (error) {
    console.error(`[auth] sign-in not recorded (${(error as Error).name})`);
    await revokeGrant(tokens, deps.oauth);
    return errorPage(deps.appUrl, "sign_in_failed");
  }
  const response = redirect(`${deps.appUrl}${safeReturnPath(cookies.returnTo)}`);
  response.headers.append("Set-Cookie", sessionCookie);
  return response;
}

/** Gives back tokens Lobby will not keep (best effort). */
async function revokeGrant(
  tokens: IndeedTokenResponse | undefined,
  settings: IndeedOAuthSettings,
): Promise<void> {
  if (!tokens) return;
  console.warn("[auth] sign-in refused; revoking the grant");
  await Promise.all([
    tokens.refresh_token && revokeToken(tokens.refresh_token, "refresh_token", settings),
    revokeToken(tokens.access_token, "access_token", settings),
  ]);
}

function errorPage(appUrl: string, code: SignInErrorCode): Response {
  return redirect(`${appUrl}/signin/error?error=${code}`);
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}
