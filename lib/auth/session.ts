import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { config } from "@/lib/config";
import { db as processDb, type Database } from "@/lib/db/client";
import {
  authSessions,
  employerMemberships,
  employers,
  indeedConnections,
  users,
} from "@/lib/db/schema";
import { checkSameOrigin } from "./origin-check";
import { safeReturnPath } from "./return-path";
import { sessionCookie } from "./session-cookie";
import { REFRESH_TOKEN_WARNING_MS } from "./tokens";

/**
 * Who is signed in and which Indeed connection (and so which employer) they act through.
 * Every page, route handler and server action asks for it itself: the proxy and the layout
 * are never the only check.
 */
export interface EmployerSession {
  userId: string;
  user: { name: string | null; email: string | null };
  connectionId: string;
  /** The employer the connection's access token represents. */
  employer: { id: string; name: string };
  /** Every employer the user may switch to (from the ID token at sign-in). */
  employers: { id: string; name: string }[];
  /** `needs_reauth`: Indeed refused the refresh token; the UI shows "Reconnect to Indeed". */
  connectionStatus: "active" | "needs_reauth";
  /**
   * False once Indeed no longer lists `employer` for the user (the membership is gone): pages
   * answer 403 and offer the user's other employers; routes answer 403.
   */
  employerAccess: boolean;
  /** Indeed's refresh token lasts 60 days from issue or last use; null once it is gone. */
  refreshTokenExpiresAt: Date | null;
}

/** What the session cookie (a next-auth JWT, encrypted with AUTH_SECRET) carries. */
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

/** How long a session lasts without a request, and how often its last-seen time is written. */
export interface IdlePolicy {
  idleMs: number;
  /** Writing `last_seen_at` on every request would cost a write per read; to the minute is enough. */
  touchEveryMs: number;
}

function idlePolicy(): IdlePolicy {
  return { idleMs: config().session.idleHours * 3_600_000, touchEveryMs: 60_000 };
}

/**
 * Loads the employer session the claims point at, or null when the server-side session is
 * gone (signed out, expired, idle longer than SESSION_IDLE_HOURS) or the connection no longer
 * exists. A live session's last-seen time moves forward.
 */
export async function loadEmployerSession(
  claims: SessionClaims,
  database: Database = processDb(),
  now: Date = new Date(),
  idle: IdlePolicy = idlePolicy(),
): Promise<EmployerSession | null> {
  const [row] = await database
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      connectionId: indeedConnections.id,
      status: indeedConnections.status,
      refreshTokenExpiresAt: indeedConnections.refreshTokenExpiresAt,
      employerId: employers.id,
      employerName: employers.name,
      lastSeenAt: authSessions.lastSeenAt,
      member: employerMemberships.employerId,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(
      indeedConnections,
      and(
        eq(indeedConnections.id, authSessions.connectionId),
        eq(indeedConnections.userId, authSessions.userId),
      ),
    )
    .innerJoin(employers, eq(employers.id, indeedConnections.employerId))
    .leftJoin(
      employerMemberships,
      and(
        eq(employerMemberships.userId, users.id),
        eq(employerMemberships.employerId, indeedConnections.employerId),
      ),
    )
    .where(
      and(
        eq(authSessions.id, claims.sessionId),
        eq(authSessions.userId, claims.userId),
        eq(authSessions.connectionId, claims.connectionId),
        gt(authSessions.expiresAt, now),
        gt(authSessions.lastSeenAt, new Date(now.getTime() - idle.idleMs)),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= idle.touchEveryMs) {
    await database
      .update(authSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(authSessions.id, claims.sessionId), lt(authSessions.lastSeenAt, now)));
  }

  const memberships = await database
    .select({ id: employers.id, name: employers.name })
    .from(employerMemberships)
    .innerJoin(employers, eq(employers.id, employerMemberships.employerId))
    .where(eq(employerMemberships.userId, row.userId))
    .orderBy(employers.name);

  return {
    userId: row.userId,
    user: { name: row.name, email: row.email },
    connectionId: row.connectionId,
    employer: { id: row.employerId, name: row.employerName },
    employers: memberships,
    connectionStatus: row.status,
    employerAccess: row.member !== null,
    refreshTokenExpiresAt: row.refreshTokenExpiresAt,
  };
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

/**
 * The signed-in employer session of the current request (server components, actions).
 * Memoised per request: the layout and the page share one lookup.
 */
export const getEmployerSession = cache(async (): Promise<EmployerSession | null> => {
  const store = await cookies();
  const claims = await decodeSessionToken(store.get(sessionCookie().name)?.value);
  return claims ? loadEmployerSession(claims) : null;
});

/** The session of a route handler's request. */
export async function getEmployerSessionFromRequest(
  request: Request,
): Promise<EmployerSession | null> {
  const claims = await sessionClaimsFromRequest(request);
  return claims ? loadEmployerSession(claims) : null;
}

/**
 * For pages: the session, or a redirect to the sign-in page that comes back to `returnTo`
 * (kept only if it is a relative path of the app), or the 403 page when the employer the
 * session acts for is no longer the user's.
 */
export async function requireEmployerSession(returnTo: string = "/"): Promise<EmployerSession> {
  const session = await getEmployerSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  if (!session.employerAccess) forbidden();
  return session;
}

/** Indeed's refresh token ends within 7 days: the UI asks the user to reconnect in time. */
export function refreshTokenExpiresSoon(session: EmployerSession, now: Date = new Date()): boolean {
  if (session.connectionStatus !== "active" || !session.refreshTokenExpiresAt) return false;
  return session.refreshTokenExpiresAt.getTime() - now.getTime() < REFRESH_TOKEN_WARNING_MS;
}

/** The JSON error shape of every API route (see lib/indeed/errors.ts for the full set). */
function jsonError(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

export type EmployerRouteHandler<Params> = (
  request: Request,
  context: { session: EmployerSession; params: Params },
) => Promise<Response> | Response;

export interface WithEmployerOptions {
  /** Looks the session up; tests inject one. Default: the request's session cookie. */
  getSession?: (request: Request) => Promise<EmployerSession | null>;
  /** Refuse cross-site requests (default: true for every method but GET and HEAD). */
  sameOriginOnly?: boolean;
  /** Let a session whose employer is gone through (the employer switch, its way out). */
  allowLostEmployer?: boolean;
}

/**
 * For route handlers: checks the session (401 `NOT_SIGNED_IN` without one) and, for
 * state-changing methods, that the request comes from the app's own pages (403 `FORBIDDEN`),
 * then calls the handler with the session.
 */
export function withEmployer<Params = Record<string, string | string[]>>(
  handler: EmployerRouteHandler<Params>,
  options: WithEmployerOptions = {},
) {
  return async (request: Request, context?: { params?: Promise<Params> }): Promise<Response> => {
    const unsafeMethod = request.method !== "GET" && request.method !== "HEAD";
    if (options.sameOriginOnly ?? unsafeMethod) {
      const origin = checkSameOrigin(request.headers, config().appUrl);
      if (!origin.ok) return jsonError(403, "FORBIDDEN", "Cross-site requests are not allowed");
    }
    const session = await (options.getSession ?? getEmployerSessionFromRequest)(request);
    if (!session) return jsonError(401, "NOT_SIGNED_IN", "Sign in with Indeed to continue");
    if (!session.employerAccess && !options.allowLostEmployer)
      return jsonError(403, "FORBIDDEN", `You no longer have access to ${session.employer.name}`);
    const params = ((await context?.params) ?? {}) as Params;
    return handler(request, { session, params });
  };
}
