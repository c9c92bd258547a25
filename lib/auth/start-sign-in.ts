import "server-only";
import * as client from "openid-client";
import { INDEED_SCOPES, indeedConfiguration, type IndeedOAuthSettings } from "./indeed-oauth";
import { safeReturnPath } from "./return-path";
import { serializeCookie } from "./session-cookie";
import { redirectUriFor, SIGN_IN_COOKIE_MAX_AGE_SECONDS, signInCookies } from "./sign-in-cookies";

export interface StartSignInDeps {
  appUrl: string;
  oauth: IndeedOAuthSettings;
}

/**
 * `GET /api/auth/signin/indeed?callbackUrl=…` (the sign-in button, a link): a fresh state, PKCE
 * verifier (S256) and nonce from openid-client, kept in short-lived HttpOnly cookies bound to
 * this browser with the return path (checked by `safeReturnPath`), then a 303 to Indeed's
 * authorize endpoint with `prompt=select_employer`. Another site cannot start a sign-in in the
 * user's browser: a cross-site navigation here lands on the sign-in page instead.
 */
export async function startSignIn(request: Request, deps: StartSignInDeps): Promise<Response> {
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("callbackUrl"));
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    return redirect(
      `${deps.appUrl}/signin?${new URLSearchParams({ callbackUrl: returnTo }).toString()}`,
    );

  let configuration: client.Configuration;
  try {
    configuration = await indeedConfiguration(deps.oauth);
  } catch {
    return redirect(`${deps.appUrl}/signin/error?error=indeed_unavailable`);
  }
  const state = client.randomState();
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const authorize = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriFor(deps.appUrl),
    scope: INDEED_SCOPES,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: "S256",
    prompt: "select_employer",
  });

  const response = redirect(authorize.href);
  const names = signInCookies(deps.appUrl);
  const options = { secure: names.secure, maxAge: SIGN_IN_COOKIE_MAX_AGE_SECONDS };
  for (const [name, value] of [
    [names.state, state],
    [names.pkceCodeVerifier, pkceCodeVerifier],
    [names.nonce, nonce],
    [names.returnTo, returnTo],
  ] as const)
    response.headers.append("Set-Cookie", serializeCookie(name, value, options));
  return response;
}

function redirect(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store" },
  });
}
