import { sessionCookieFor } from "./session-cookie";

/** How long a started sign-in may take before its cookies expire (the callback then refuses it). */
export const SIGN_IN_COOKIE_MAX_AGE_SECONDS = 15 * 60;

/** Where Indeed sends the browser back; registered with Indeed, identical at both steps. */
export function redirectUriFor(appUrl: string): string {
  return `${appUrl}/api/auth/callback/indeed`;
}

/**
 * The short-lived cookies that bind a sign-in to the browser that started it (state, PKCE
 * verifier, nonce) and remember where to go after it (the return path). HttpOnly, SameSite=Lax
 * (the callback is a top-level GET from Indeed), `__Host-` prefixed and Secure when the app is
 * https: Path=/ and no Domain, so no sibling host can plant or read them. Every callback
 * clears them, whatever its outcome.
 */
export function signInCookies(appUrl: string) {
  const { secure } = sessionCookieFor(appUrl);
  const prefix = secure ? "__Host-" : "";
  return {
    secure,
    state: `${prefix}lobby.oauth-state`,
    pkceCodeVerifier: `${prefix}lobby.oauth-pkce`,
    nonce: `${prefix}lobby.oauth-nonce`,
    returnTo: `${prefix}lobby.oauth-return`,
  };
}

/** A cookie's value from a request's `Cookie` header (the first of that name), decoded. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
