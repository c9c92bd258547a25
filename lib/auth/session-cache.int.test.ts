import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { authSessions, indeedConnections } from "@/lib/db/schema";
import { employerSessionForCookie, sessionCache } from "./load-session";
import {
  sandboxSettings,
  signInAs,
  startTokenTestbed,
  type SignedIn,
  type TokenTestbed,
} from "./sandbox-fixtures.test-support";
import { SESSION_CACHE_TTL_MS } from "./session-cache";
import { sessionCookieHeader } from "./session-cookie";
import { endSession } from "./sign-out";
import { createTokenService, type TokenService } from "./tokens";

// The process's session and access-token caches (ADR 0051): what they save, what forgets them,
// and the bound on what another process (here: a direct write to the database) can leave stale.

describe("the session cache", () => {
  let bed: TokenTestbed;
  let clock: number;
  let tokens: TokenService;

  beforeAll(async () => {
    bed = await startTokenTestbed();
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(() => {
    sessionCache().clear();
    clock = Date.now();
    tokens = createTokenService({
      db: bed.handle.db,
      key: bed.key,
      oauth: sandboxSettings(bed.sandbox.url),
      log: () => undefined,
      now: () => clock,
      cacheMs: SESSION_CACHE_TTL_MS,
    });
  });

  async function signedIn(employer = "emp-acme-robotics"): Promise<SignedIn & { cookie: string }> {
    const signed = await signInAs(
      { db: bed.handle.db, tokens, sandboxUrl: bed.sandbox.url },
      { user: "u-dana", employer },
    );
    const header = await sessionCookieHeader(
      {
        sub: signed.session.userId,
        sid: signed.sessionId,
        cid: signed.session.connectionId,
        name: null,
        email: null,
      },
      { appUrl: "http://localhost:3000", authSecret: config().authSecret },
    );
    const cookie = decodeURIComponent(header.split(";")[0]!.split("=").slice(1).join("="));
    return { ...signed, cookie };
  }

  it("serves a session from memory, and forgets it the moment this process signs it out", async () => {
    const { cookie, sessionId, session } = await signedIn();
    expect((await employerSessionForCookie(cookie, bed.handle.db))?.userId).toBe(session.userId);

    await endSession(
      { sessionId, connectionId: session.connectionId },
      { db: bed.handle.db, tokens },
    );
    expect(await employerSessionForCookie(cookie, bed.handle.db)).toBeNull();
  });

  it("another process's sign-out (the row gone) is seen once the TTL is over, not before", async () => {
    const { cookie, sessionId } = await signedIn();
    expect(await employerSessionForCookie(cookie, bed.handle.db)).not.toBeNull();
    await bed.handle.db.delete(authSessions).where(eq(authSessions.id, sessionId));

    // Within the bound, the memo still answers: this is the revocation latency ADR 0051 states.
    expect(await employerSessionForCookie(cookie, bed.handle.db)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_TTL_MS + 50));
    expect(await employerSessionForCookie(cookie, bed.handle.db)).toBeNull();
  });

  it("an employer switch in this process shows at once", async () => {
    const { cookie, session } = await signedIn();
    expect((await employerSessionForCookie(cookie, bed.handle.db))?.employer.id).toBe(
      "emp-acme-robotics",
    );
    await tokens.switchEmployer(session.connectionId, "emp-globex-logistics");
    expect((await employerSessionForCookie(cookie, bed.handle.db))?.employer.id).toBe(
      "emp-globex-logistics",
    );
  });

  it("a tampered cookie is never served, cached or not", async () => {
    const { cookie } = await signedIn();
    await employerSessionForCookie(cookie, bed.handle.db);
    expect(await employerSessionForCookie(`${cookie}x`, bed.handle.db)).toBeNull();
    expect(await employerSessionForCookie(undefined, bed.handle.db)).toBeNull();
  });

  it("reuses a decrypted access token for the TTL, never a rejected one, and reads the row after", async () => {
    const { session } = await signedIn();
    const first = await tokens.getAccessToken(session.connectionId);
    // Another process marks the connection for reconnecting: unseen for the TTL, seen after it.
    await bed.handle.db
      .update(indeedConnections)
      .set({ status: "needs_reauth" })
      .where(eq(indeedConnections.id, session.connectionId));
    expect(await tokens.getAccessToken(session.connectionId)).toBe(first);
    clock += SESSION_CACHE_TTL_MS;
    await expect(tokens.getAccessToken(session.connectionId)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
  });

  it("a token Indeed refused is refreshed under the lock, not served again from memory", async () => {
    const { session } = await signedIn();
    const first = await tokens.getAccessToken(session.connectionId);
    const second = await tokens.getAccessToken(session.connectionId, { rejected: first });
    expect(second).not.toBe(first);
    expect(await tokens.getAccessToken(session.connectionId)).toBe(second);
  });
});
