import "server-only";
import { and, eq, gt, lt } from "drizzle-orm";
import { config } from "@/lib/config";
import { db as processDb, type Database } from "@/lib/db/client";
import {
  authSessions,
  employerMemberships,
  employers,
  indeedConnections,
  users,
} from "@/lib/db/schema";
import { ConnectionCache, SESSION_CACHE_TTL_MS } from "./session-cache";
import { cookieFromHeader, decodeSessionToken, type SessionClaims } from "./session-claims";
import { sessionCookie } from "./session-cookie";

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
  return (await loadLiveSession(claims, database, now, idle))?.session ?? null;
}

/** The session and the moment it stops being live if no request comes (idle) or it expires. */
async function loadLiveSession(
  claims: SessionClaims,
  database: Database,
  now: Date,
  idle: IdlePolicy,
): Promise<{ session: EmployerSession; liveUntil: number } | null> {
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
      expiresAt: authSessions.expiresAt,
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
  let lastSeen = row.lastSeenAt.getTime();
  if (now.getTime() - lastSeen >= idle.touchEveryMs) {
    lastSeen = now.getTime();
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

  const session: EmployerSession = {
    userId: row.userId,
    user: { name: row.name, email: row.email },
    connectionId: row.connectionId,
    employer: { id: row.employerId, name: row.employerName },
    employers: memberships,
    connectionStatus: row.status,
    employerAccess: row.member !== null,
    refreshTokenExpiresAt: row.refreshTokenExpiresAt,
  };
  return { session, liveUntil: Math.min(row.expiresAt.getTime(), lastSeen + idle.idleMs) };
}

// One per process (Next loads this module from several bundles): sign-out, the employer switch
// and a reconnect in any bundle forget the same entries (lib/auth/tokens.ts calls forget).
const cacheKey = Symbol.for("lobby.sessionCache");
type WithSessionCache = typeof globalThis & { [cacheKey]?: ConnectionCache<EmployerSession> };

/** The process's session cache, keyed by the session cookie's value (ADR 0051). */
export function sessionCache(): ConnectionCache<EmployerSession> {
  const holder = globalThis as WithSessionCache;
  holder[cacheKey] ??= new ConnectionCache<EmployerSession>(SESSION_CACHE_TTL_MS);
  return holder[cacheKey];
}

/**
 * The employer session behind a session cookie's value, reused for SESSION_CACHE_TTL_MS: the
 * cookie's decryption and the two reads run once per session in that time, not per request.
 * The cached value is only ever what the database said about this exact cookie.
 */
export async function employerSessionForCookie(
  token: string | undefined,
  database: Database = processDb(),
): Promise<EmployerSession | null> {
  if (!token) return null;
  const cache = sessionCache();
  const now = Date.now();
  const cached = cache.get(token, now);
  if (cached) return cached;
  return cache.loadOnce(token, async () => {
    const generation = cache.generation();
    const claims = await decodeSessionToken(token);
    if (!claims) return null;
    const live = await loadLiveSession(claims, database, new Date(now), idlePolicy());
    if (!live) return null;
    cache.set(token, live.session, {
      connectionId: live.session.connectionId,
      now,
      generation,
      notAfter: live.liveUntil,
    });
    return live.session;
  });
}

/** The session of a route handler's request (lib/http/route.ts asks for it). */
export function getEmployerSessionFromRequest(request: Request): Promise<EmployerSession | null> {
  return employerSessionForCookie(
    cookieFromHeader(request.headers.get("cookie"), sessionCookie().name),
  );
}
