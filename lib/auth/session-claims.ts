import "server-only";
import { decode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { sessionCookie } from "./session-cookie";

/**
 * The session cookie's claims: a next-auth JWT encrypted with AUTH_SECRET, holding only ids
 * (ADR 0010). Reading them proves nothing about the session being live: load-session.ts checks
 * the server-side row.
 */
export interface SessionClaims {
  userId: string;
  /** The server-side session row (auth_sessions.id). */
  sessionId: string;
  connectionId: string;
}

/** Decodes the session cookie's value; undefined when absent, tampered with or expired. */
export async function decodeSessionToken(
  token: string | undefined,
): Promise<SessionClaims | undefined> {
  if (!token) return undefined;
  try {
    const payload = await decode({ token, secret: config().authSecret });
    if (!payload) return undefined;
    const { sub, sid, cid } = payload as { sub?: unknown; sid?: unknown; cid?: unknown };
    if (typeof sub !== "string" || typeof sid !== "string" || typeof cid !== "string")
      return undefined;
    return { userId: sub, sessionId: sid, connectionId: cid };
  } catch {
    return undefined;
  }
}

/** Reads a cookie from a raw `Cookie` header (route handlers given a plain Request). */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The session claims of a request's cookie, if any. */
export async function sessionClaimsFromRequest(
  request: Request,
): Promise<SessionClaims | undefined> {
  return decodeSessionToken(cookieFromHeader(request.headers.get("cookie"), sessionCookie().name));
}
