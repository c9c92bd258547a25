import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, employerMemberships } from "@/lib/db/schema";
import { signInAs, startTokenTestbed, type TokenTestbed } from "./sandbox-fixtures.test-support";
import { loadEmployerSession, type IdlePolicy } from "./load-session";

const HOUR = 3_600_000;
const idle: IdlePolicy = { idleMs: 12 * HOUR, touchEveryMs: 60_000 };

describe("a session ends when access ends", () => {
  let bed: TokenTestbed;

  beforeAll(async () => {
    bed = await startTokenTestbed();
  });
  afterAll(async () => {
    await bed?.close();
  });

  const signIn = (user: string, employer: string) =>
    signInAs(
      { db: bed.handle.db, tokens: bed.tokens, sandboxUrl: bed.sandbox.url },
      { user, employer },
    );

  async function claimsOf(user: string, employer: string) {
    const { session, sessionId } = await signIn(user, employer);
    return { userId: session.userId, sessionId, connectionId: session.connectionId };
  }

  it("ends after SESSION_IDLE_HOURS without a request, and each request moves the idle clock", async () => {
    const claims = await claimsOf("u-dana", "emp-acme-robotics");
    const db = bed.handle.db;
    const start = new Date();
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

    expect(await loadEmployerSession(claims, db, at(11), idle)).not.toBeNull();
    // Seen at hour 11: alive until hour 23.
    expect(await loadEmployerSession(claims, db, at(22), idle)).not.toBeNull();
    const [row] = await db
      .select({ lastSeenAt: authSessions.lastSeenAt })
      .from(authSessions)
      .where(eq(authSessions.id, claims.sessionId));
    expect(row!.lastSeenAt.getTime()).toBe(at(22).getTime());
    // 12 hours and a minute after the last request, it is over.
    expect(await loadEmployerSession(claims, db, at(34.02), idle)).toBeNull();
  });

  it("writes the last-seen time at most once a minute", async () => {
    const claims = await claimsOf("u-dana", "emp-acme-robotics");
    const db = bed.handle.db;
    const first = new Date(Date.now() + 5 * 60_000);
    await loadEmployerSession(claims, db, first, idle);
    await loadEmployerSession(claims, db, new Date(first.getTime() + 30_000), idle);
    const [row] = await db
      .select({ lastSeenAt: authSessions.lastSeenAt })
      .from(authSessions)
      .where(eq(authSessions.id, claims.sessionId));
    expect(row!.lastSeenAt.getTime()).toBe(first.getTime());
  });

  it("reports an employer the user no longer belongs to, and keeps the others", async () => {
    const claims = await claimsOf("u-dana", "emp-globex-logistics");
    const db = bed.handle.db;
    expect((await loadEmployerSession(claims, db, new Date(), idle))?.employerAccess).toBe(true);

    await db
      .delete(employerMemberships)
      .where(
        and(
          eq(employerMemberships.userId, claims.userId),
          eq(employerMemberships.employerId, "emp-globex-logistics"),
        ),
      );
    const session = await loadEmployerSession(claims, db, new Date(), idle);
    expect(session?.employerAccess).toBe(false);
    expect(session?.employers.map((e) => e.id)).toEqual(["emp-acme-robotics"]);
  });
});
