import "server-only";
import type { AuthOptions } from "next-auth";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { completeSignIn } from "./complete-sign-in";
import { revokeToken } from "./indeed-oauth";
import { indeedProvider, type IndeedSignInTokens } from "./indeed-provider";
import { safeReturnPath } from "./return-path";
import { endSession } from "./sign-out";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./session-cookie";
import { tokenService } from "./tokens";

/**
 * The short-lived cookies that bind a sign-in to the browser that started it (state, PKCE
 * verifier, nonce): named here so the callback route can clear them whatever the outcome.
 */
export function oauthCheckCookies() {
  const { secure } = sessionCookie();
  // `__Host-`: Secure, Path=/ and no Domain, so no sibling host can plant or read them.
  const prefix = secure ? "__Host-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: 15 * 60 };
  return {
    state: { name: `${prefix}lobby.oauth-state`, options },
    pkceCodeVerifier: { name: `${prefix}lobby.oauth-pkce`, options },
    nonce: { name: `${prefix}lobby.oauth-nonce`, options },
  };
}

/**
 * next-auth (v4) for Lobby: one provider (Indeed), JWT sessions whose token holds only the
 * user id, the server-side session id and the connection id (docs/decisions/0010). Indeed
 * tokens never enter the JWT: they go to the database, encrypted, at sign-in.
 */
export function authOptions(): AuthOptions {
  const settings = config();
  // next-auth v4 reads its base URL from NEXTAUTH_URL; Lobby's is APP_URL (lib/config.ts).
  process.env.NEXTAUTH_URL = settings.appUrl;
  const cookie = sessionCookie();
  return {
    secret: settings.authSecret,
    providers: [indeedProvider()],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: cookie.secure,
    cookies: {
      sessionToken: { name: cookie.name, options: cookie.options },
      ...oauthCheckCookies(),
    },
    pages: { signIn: "/signin", error: "/signin/error", signOut: "/signin" },
    callbacks: {
      async signIn({ account }) {
        const tokens = account as unknown as IndeedSignInTokens | null;
        if (!tokens) throw new Error("sign_in_failed");
        if (tokens.lobby_error) {
          // A partial grant or no employer still handed us tokens: give them back.
          if (tokens.refresh_token) await revokeToken(tokens.refresh_token, "refresh_token");
          if (tokens.access_token) await revokeToken(tokens.access_token, "access_token");
          throw new Error(tokens.lobby_error);
        }
        return true;
      },
      async jwt({ token, account }) {
        if (!account) return token;
        const tokens = account as unknown as IndeedSignInTokens;
        const { lobby_identity: identity, employer } = tokens;
        if (!identity || !employer || !tokens.access_token) throw new Error("sign_in_failed");
        const result = await completeSignIn(
          {
            identity,
            employerId: employer,
            tokens: {
              access_token: tokens.access_token,
              refresh_token: tokens.refresh_token,
              expires_in: tokens.expires_in,
              scope: tokens.scope,
            },
          },
          { db: db(), tokens: tokenService() },
        );
        // Exactly what the cookie holds: no Indeed token, no employer list.
        return {
          sub: result.userId,
          sid: result.sessionId,
          cid: result.connectionId,
          name: identity.name,
          email: identity.email,
        };
      },
      async session({ session, token }) {
        return {
          expires: session.expires,
          user: {
            name: (token.name as string | null) ?? null,
            email: (token.email as string | null) ?? null,
          },
        };
      },
      async redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeReturnPath(path)}`;
      },
    },
    events: {
      // next-auth's own /api/auth/signout (Lobby's UI posts to /api/session/sign-out instead).
      async signOut({ token }) {
        const { sid, cid } = (token ?? {}) as { sid?: unknown; cid?: unknown };
        if (typeof sid === "string" && typeof cid === "string")
          await endSession({ sessionId: sid, connectionId: cid });
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
