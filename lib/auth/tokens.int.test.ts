import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import type { DatabaseHandle } from "@/lib/db/client";
import { authSessions, indeedConnections, users } from "@/lib/db/schema";
import { createIndeedClient } from "@/lib/indeed/client";
import { operations, services } from "@/lib/operations";
import {
  advanceClock,
  armTokenFault,
  clearTokenFault,
  connectionRow,
  expireAccessToken,
  grantsOf,
  jwtClaims,
  refreshCount,
  sandboxSettings,
  signInAs,
  startTokenTestbed,
  type TokenTestbed,
} from "./sandbox-fixtures.test-support";
import { loadEmployerSession } from "./load-session";
import { endSession } from "./sign-out";
import { createTokenService, TokenServiceError, type TokenService } from "./tokens";

const onPostgres = Boolean(process.env.DATABASE_URL);
const quiet = () => undefined;

describe(`the token service (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: TokenTestbed;
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let key: Buffer;
  let tokens: TokenService;

  beforeAll(async () => {
    bed = await startTokenTestbed();
    ({ sandbox, handle, key, tokens } = bed);
  });
  afterAll(async () => {
    await bed?.close();
  });
  beforeEach(async () => {
    await clearTokenFault(sandbox.url);
  });

  const signIn = (user = "u-dana", employer = "emp-acme-robotics") =>
    signInAs({ db: handle.db, tokens, sandboxUrl: sandbox.url }, { user, employer });

  function client(service: TokenService = tokens) {
    return createIndeedClient({
      tokens: service,
      db: handle.db,
      graphqlUrl: `${sandbox.url}/graphql`,
      clientId: "lobby-local",
      atsName: "Lobby",
      log: quiet,
      // The ledger hooks are the scheduling tests' business; here only Indeed's side counts.
      operations: operations.map((op) => ({
        ...op,
        onSuccess: undefined,
        contextSchema: undefined,
      })),
    });
  }

  it("keeps users keyed on (issuer, sub) with their employers, and no plaintext token anywhere", async () => {
    const { session, tokens: issued } = await signIn();
    expect(session.employer).toEqual({ id: "emp-acme-robotics", name: "Acme Robotics" });
    expect(session.employers.map((e) => e.name)).toEqual(["Acme Robotics", "Globex Logistics"]);
    const [user] = await handle.db.select().from(users).where(eq(users.id, session.userId));
    expect(user).toMatchObject({ issuer: sandbox.url, subject: "user:u-dana" });

    await expireAccessToken(handle.db, session.connectionId);
    const fresh = await tokens.getAccessToken(session.connectionId);
    const dump = JSON.stringify(
      await handle.db.execute(
        sql`select * from indeed_connections, auth_sessions, users, employers`,
      ),
    );
    for (const secret of [issued.access_token, issued.refresh_token!, issued.id_token!, fresh]) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.slice(10, 40));
    }
  });

  it("never writes a token to its logs", async () => {
    const lines: string[] = [];
    const logging = createTokenService({
      db: handle.db,
      key,
      oauth: sandboxSettings(sandbox.url),
      log: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
    });
    const { session, tokens: issued } = await signIn();
    const indeed = createIndeedClient({
      operations,
      services,
      tokens: logging,
      db: handle.db,
      graphqlUrl: `${sandbox.url}/graphql`,
      clientId: "lobby-local",
      atsName: "Lobby",
      log: (line) => lines.push(line),
    });
    await advanceClock(sandbox.url, { hours: 2 });
    await indeed.execute(session, "FindInterviews", { input: {} });
    await armTokenFault(sandbox.url, { mode: "drop-after-rotate" });
    await expireAccessToken(handle.db, session.connectionId);
    await logging.getAccessToken(session.connectionId).catch(() => undefined);
    await logging.getAccessToken(session.connectionId).catch(() => undefined);
    expect(lines.length).toBeGreaterThan(2);
    const text = lines.join("\n");
    expect(text).not.toMatch(/eyJ[\w-]{8,}\.eyJ/);
    expect(text).not.toContain(issued.refresh_token!);
  });

  it("returns the stored token while it has more than a minute left, without refreshing", async () => {
    const { session, tokens: issued } = await signIn("u-ivy");
    const before = await refreshCount(sandbox.url);
    expect(await tokens.getAccessToken(session.connectionId)).toBe(issued.access_token);
    expect(await refreshCount(sandbox.url)).toBe(before);
  });

  it("50 concurrent requests with an expired access token cause exactly one refresh", async () => {
    const { session } = await signIn();
    const indeed = client();
    await advanceClock(sandbox.url, { hours: 2 });
    const before = await refreshCount(sandbox.url);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        indeed.execute(session, "FindInterviews", { first: 5, input: {} }),
      ),
    );
    expect(results.every((r) => r.findVirtualInterviewEvents?.pageInfo !== undefined)).toBe(true);
    expect((await refreshCount(sandbox.url)) - before).toBe(1);
  });

  it("50 concurrent callers past the stored expiry share one refresh, and store the successor", async () => {
    const { session, tokens: issued } = await signIn();
    await expireAccessToken(handle.db, session.connectionId);
    const before = await refreshCount(sandbox.url);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => tokens.getAccessToken(session.connectionId)),
    );
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(issued.access_token);
    expect((await refreshCount(sandbox.url)) - before).toBe(1);
    const row = await connectionRow(handle.db, session.connectionId);
    expect(row?.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(row?.refreshTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    // The rotated refresh token was stored: a second expiry refreshes fine.
    await expireAccessToken(handle.db, session.connectionId);
    await expect(tokens.getAccessToken(session.connectionId)).resolves.toMatch(/^ey/);
  });

  it("sends the employer again on every refresh", async () => {
    const { session } = await signIn("u-dana", "emp-globex-logistics");
    await expireAccessToken(handle.db, session.connectionId);
    const token = await tokens.getAccessToken(session.connectionId);
    expect(jwtClaims(token).emp).toBe("emp-globex-logistics");
  });

  it("a response lost after rotation ends in needs_reauth / RECONNECT_REQUIRED, never a loop", async () => {
    const { session } = await signIn();
    const indeed = client();
    await armTokenFault(sandbox.url, { mode: "drop-after-rotate" });
    await advanceClock(sandbox.url, { hours: 2 });
    const before = await refreshCount(sandbox.url);

    // The refresh happened at Indeed but its answer was lost: Indeed unavailable, token kept.
    await expect(indeed.execute(session, "FindInterviews", { input: {} })).rejects.toMatchObject({
      code: "INDEED_UNAVAILABLE",
    });
    expect((await connectionRow(handle.db, session.connectionId))?.status).toBe("active");

    // The kept token was rotated away: reuse detection → invalid_grant → reconnect.
    await expect(indeed.execute(session, "FindInterviews", { input: {} })).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
      status: 409,
    });
    const row = await connectionRow(handle.db, session.connectionId);
    expect(row).toMatchObject({
      status: "needs_reauth",
      accessTokenCiphertext: null,
      refreshTokenCiphertext: null,
    });
    const after = await refreshCount(sandbox.url);
    expect(after - before).toBe(2);

    // From now on: no more refresh attempts, the same answer, the session says so.
    await expect(indeed.execute(session, "FindInterviews", { input: {} })).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
    expect(await refreshCount(sandbox.url)).toBe(after);
    const reloaded = await loadEmployerSession(
      {
        userId: session.userId,
        connectionId: session.connectionId,
        sessionId: (await sessionIdOf(session.connectionId))!,
      },
      handle.db,
    );
    expect(reloaded?.connectionStatus).toBe("needs_reauth");
  });

  it("keeps the refresh token when the token endpoint answers 503, and reports Indeed unavailable", async () => {
    const { session } = await signIn();
    await armTokenFault(sandbox.url, { mode: "error", status: 503, count: 1 });
    await expireAccessToken(handle.db, session.connectionId);
    const error = await tokens.getAccessToken(session.connectionId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenServiceError);
    expect((error as TokenServiceError).code).toBe("INDEED_UNAVAILABLE");
    expect((await connectionRow(handle.db, session.connectionId))?.status).toBe("active");
    await expect(tokens.getAccessToken(session.connectionId)).resolves.toMatch(/^ey/);
  });

  it("treats 429 from the token endpoint as unavailable too", async () => {
    const { session } = await signIn();
    await armTokenFault(sandbox.url, { mode: "error", status: 429, error: "slow_down", count: 1 });
    await expireAccessToken(handle.db, session.connectionId);
    await expect(tokens.getAccessToken(session.connectionId)).rejects.toMatchObject({
      code: "INDEED_UNAVAILABLE",
    });
    await expect(tokens.getAccessToken(session.connectionId)).resolves.toMatch(/^ey/);
  });

  it("fails closed with a wrong encryption key: reconnect, no crash", async () => {
    const { session } = await signIn("u-sam", "emp-initech-foods");
    const wrongKey = createTokenService({
      db: handle.db,
      key: randomBytes(32),
      oauth: sandboxSettings(sandbox.url),
      log: quiet,
    });
    await expect(wrongKey.getAccessToken(session.connectionId)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
    expect((await connectionRow(handle.db, session.connectionId))?.status).toBe("needs_reauth");
  });

  it("does not decrypt a ciphertext moved to another user's connection", async () => {
    const dana = await signIn();
    const ivy = await signIn("u-ivy");
    const source = await connectionRow(handle.db, dana.session.connectionId);
    await handle.db
      .update(indeedConnections)
      .set({
        accessTokenCiphertext: source!.accessTokenCiphertext,
        refreshTokenCiphertext: source!.refreshTokenCiphertext,
      })
      .where(eq(indeedConnections.id, ivy.session.connectionId));
    await expect(tokens.getAccessToken(ivy.session.connectionId)).rejects.toMatchObject({
      code: "RECONNECT_REQUIRED",
    });
  });

  it("switches employer with a refresh for the chosen employer, and refuses one the user cannot act for", async () => {
    const { session } = await signIn();
    await tokens.switchEmployer(session.connectionId, "emp-globex-logistics");
    const row = await connectionRow(handle.db, session.connectionId);
    expect(row?.employerId).toBe("emp-globex-logistics");
    expect(jwtClaims(await tokens.getAccessToken(session.connectionId)).emp).toBe(
      "emp-globex-logistics",
    );

    await expect(
      tokens.switchEmployer(session.connectionId, "emp-initech-foods"),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await connectionRow(handle.db, session.connectionId))?.employerId).toBe(
      "emp-globex-logistics",
    );
  });

  it("sign-out deletes the tokens and the session and revokes the grant at Indeed", async () => {
    const { session, sessionId } = await signIn("u-sam", "emp-initech-foods");
    const before = (await grantsOf(sandbox.url, "u-sam")).filter(
      (g) => g.revokedAt === null,
    ).length;
    expect(before).toBeGreaterThan(0);
    await endSession({ sessionId, connectionId: session.connectionId }, { db: handle.db, tokens });
    expect(await connectionRow(handle.db, session.connectionId)).toBeUndefined();
    expect(
      await handle.db.select().from(authSessions).where(eq(authSessions.id, sessionId)),
    ).toEqual([]);
    expect(
      await loadEmployerSession(
        { userId: session.userId, connectionId: session.connectionId, sessionId },
        handle.db,
      ),
    ).toBeNull();
    const live = (await grantsOf(sandbox.url, "u-sam")).filter((g) => g.revokedAt === null);
    expect(live.length).toBe(before - 1);
  });

  it("a new sign-in gets a new session id and replaces the user's one connection", async () => {
    const first = await signIn("u-ivy");
    const second = await signIn("u-ivy");
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.session.connectionId).toBe(first.session.connectionId);
    const rows = await handle.db
      .select()
      .from(indeedConnections)
      .where(eq(indeedConnections.userId, first.session.userId));
    expect(rows).toHaveLength(1);
  });

  async function sessionIdOf(connectionId: string): Promise<string | undefined> {
    const [row] = await handle.db
      .select({ id: authSessions.id })
      .from(authSessions)
      .where(eq(authSessions.connectionId, connectionId));
    return row?.id;
  }
});
