import "server-only";
import type { AuthOptions } from "next-auth";
import { config } from "@/lib/config";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./session-cookie";

/**
 * next-auth (v4) for what Lobby still asks of it (docs/decisions/0016): its JWT session cookie
 * and `GET /api/auth/session`. No provider: the sign-in itself is Lobby's own two routes on
 * openid-client (lib/auth/start-sign-in.ts, lib/auth/finish-sign-in.ts), which write the cookie
 * with next-auth's codec. The token holds only the user id, the server-side session id and the
 * connection id, with a name to display (docs/decisions/0010).
 */
export function authOptions(): AuthOptions {
  const settings = config();
  // next-auth v4 reads its base URL from NEXTAUTH_URL; Lobby's is APP_URL (lib/config.ts).
  process.env.NEXTAUTH_URL = settings.appUrl;
  const cookie = sessionCookie();
  return {
    secret: settings.authSecret,
    providers: [],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: cookie.secure,
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    callbacks: {
      async session({ session, token }) {
        return {
          expires: session.expires,
          user: {
            name: (token.name as string | null) ?? null,
            email: (token.email as string | null) ?? null,
          },
        };
      },
    },
    logger: {
      error(code, metadata) {
        // next-auth's metadata can hold request data; log the code and the error name only.
        const name =
          metadata instanceof Error ? metadata.name : (metadata as { error?: Error })?.error?.name;
        console.error(`[auth] ${code}${name ? ` (${name})` : ""}`);
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
  };
}
