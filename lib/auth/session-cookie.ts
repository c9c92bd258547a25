import "server-only";
import { config } from "@/lib/config";

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and, whenever the app is served over
 * https (always in production: lib/config.ts refuses an http APP_URL there), Secure with the
 * `__Host-` prefix, which browsers accept only from a secure origin, with Path=/ and no Domain:
 * no sibling subdomain and no plain-http page can set or shadow it. The e2e suite's local
 * production run (http://localhost) uses the plain name. next-auth writes it
 * (lib/auth/options.ts) and lib/auth/session.ts reads it; both take the name from here.
 */
export function sessionCookie() {
  return sessionCookieFor(config().appUrl);
}

export function sessionCookieFor(appUrl: string) {
  const secure = appUrl.startsWith("https://");
  return {
    secure,
    name: secure ? "__Host-lobby.session" : "lobby.session",
    // No `domain`, ever: `__Host-` forbids it, and without it the cookie stays on this host.
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** 30 days; the server-side session row carries the same expiry and is what counts. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
