import "server-only";
import { config } from "@/lib/config";

/**
 * The session cookie: HttpOnly, SameSite=Lax, path /, and Secure with the `__Secure-` prefix
 * whenever the app is served over https. next-auth writes it (lib/auth/options.ts) and
 * lib/auth/session.ts reads it; both take the name from here.
 */
export function sessionCookie() {
  const secure = config().appUrl.startsWith("https://");
  return {
    secure,
    name: secure ? "__Secure-lobby.session" : "lobby.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** 30 days; the server-side session row carries the same expiry and is what counts. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
