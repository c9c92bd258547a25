import "server-only";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and, whenever the app is served over
 * https (always in production: lib/config.ts refuses an http APP_URL there), Secure with the
 * `__Host-` prefix, which browsers accept only from a secure origin, with Path=/ and no Domain:
 * no sibling subdomain and no plain-http page can set or shadow it. The e2e suite's local
 * production run (http://localhost) uses the plain name. The sign-in callback writes it
 * (`sessionCookieHeader`, with next-auth's JWT codec), next-auth's `/api/auth/session` renews it
 * (lib/auth/options.ts) and lib/auth/session.ts reads it; all take the name from here.
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

/** What the session cookie's JWT holds (docs/decisions/0010): ids, and a name to display. */
export interface SessionTokenClaims {
  /** users.id */
  sub: string;
  /** auth_sessions.id */
  sid: string;
  /** indeed_connections.id */
  cid: string;
  name: string | null;
  email: string | null;
}

/**
 * The `Set-Cookie` value of a new session, exactly as next-auth writes it after a sign-in: its
 * JWT codec (`next-auth/jwt` encode, A256GCM under AUTH_SECRET, `iat`, `exp`, `jti`) and the
 * cookie's name and options from `sessionCookieFor`, expiring with the session.
 */
export async function sessionCookieHeader(
  claims: SessionTokenClaims,
  settings: { appUrl: string; authSecret: string; now?: Date },
): Promise<string> {
  const cookie = sessionCookieFor(settings.appUrl);
  const value = await encode({
    token: { ...claims },
    secret: settings.authSecret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const expires = new Date((settings.now ?? new Date()).getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  return serializeCookie(cookie.name, value, { secure: cookie.secure, expires });
}

export interface CookieOptions {
  secure: boolean;
  maxAge?: number;
  expires?: Date;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, never a Domain. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const attributes = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (options.maxAge !== undefined) attributes.push(`Max-Age=${options.maxAge}`);
  if (options.expires) attributes.push(`Expires=${options.expires.toUTCString()}`);
  if (options.secure) attributes.push("Secure");
  return attributes.join("; ");
}
