import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  journal,
  sandboxSettings,
  signInAs,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { createTokenService } from "@/lib/auth/tokens";
import type { DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { createIndeedClient, type IndeedClient } from "@/lib/indeed/client";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import { operations, services } from "@/lib/operations";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { memoryRateLimiter, type RateLimiter } from "./rate-limit";

const APP = "http://localhost:3000";

// The per-user budget in front of a real Indeed client, sandbox and database (PGlite, or
// PostgreSQL with DATABASE_URL): a refused request never reaches Indeed.
describe(`the GraphQL route's per-user budget against the sandbox (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let dataDir: string;
  let client: IndeedClient;
  let dana: SignedIn;
  let sam: SignedIn;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lobby-rate-"));
    sandbox = await startSandbox({ port: 0, dataDir, ephemeral: true });
    handle = await createTestDatabase();
    const tokens = createTokenService({
      db: handle.db,
      key: randomBytes(32),
      oauth: sandboxSettings(sandbox.url),
      log: () => undefined,
    });
    client = createIndeedClient({
      operations,
      services,
      tokens,
      db: handle.db,
      graphqlUrl: `${sandbox.url}/graphql`,
      clientId: "lobby-local",
      atsName: "Lobby",
      log: () => undefined,
    });
    const bed = { db: handle.db, tokens, sandboxUrl: sandbox.url };
    dana = await signInAs(bed, { user: "u-dana", employer: "emp-acme-robotics" });
    sam = await signInAs(bed, { user: "u-sam", employer: "emp-initech-foods" });
  });
  afterAll(async () => {
    await sandbox?.close();
    await handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function find(who: SignedIn, limiter: RateLimiter) {
    return handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({ operationName: "FindInterviews", variables: { input: {} } }),
      }),
      {
        appUrl: APP,
        getSession: async () => who.session,
        client,
        operations,
        limiter,
        log: () => undefined,
      },
    );
  }

  const indeedCalls = async () =>
    (await journal(sandbox.url, "kind=graphql&operation=FindInterviews&limit=500")).length;

  it("serves a user's budget, then answers 429 without calling Indeed, while another user goes on", async () => {
    const limiter = memoryRateLimiter({ name: "graphql-int", points: 4, durationSeconds: 60 });
    const before = await indeedCalls();
    for (let i = 0; i < 4; i++) expect((await find(dana, limiter)).status).toBe(200);
    const refused = await find(dana, limiter);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    expect((await indeedCalls()) - before).toBe(4);

    expect((await find(sam, limiter)).status).toBe(200);
    expect((await indeedCalls()) - before).toBe(5);
  });
});
