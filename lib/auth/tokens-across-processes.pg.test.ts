import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DatabaseHandle } from "@/lib/db/client";
import type { RunningSandbox } from "@/sandbox/server";
import { runChildrenInStep } from "@/test/children-in-step";
import {
  expireAccessToken,
  refreshCount,
  sandboxSettings,
  signInAs,
  startTokenTestbed,
  type TokenTestbed,
} from "./sandbox-fixtures.test-support";
import { createTokenService, type TokenService } from "./tokens";

// Several app processes share one PostgreSQL; PGlite cannot be shared, so these run only in the
// `postgres` project (`npm run test:db`, with DATABASE_URL), where they are required, not skipped.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error("The postgres tests need DATABASE_URL (npm run test:db sets it in CI)");

describe("the token service across app processes on PostgreSQL", () => {
  let bed: TokenTestbed;
  let sandbox: RunningSandbox;
  let handle: DatabaseHandle;
  let key: Buffer;
  let tokens: TokenService;
  const quiet = () => undefined;

  beforeAll(async () => {
    bed = await startTokenTestbed();
    ({ sandbox, handle, key, tokens } = bed);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const signIn = () =>
    signInAs(
      { db: handle.db, tokens, sandboxUrl: sandbox.url },
      { user: "u-dana", employer: "emp-acme-robotics" },
    );

  function databaseUrl(): string {
    const pool = (handle.db as unknown as { $client: { options: { connectionString: string } } })
      .$client;
    return pool.options.connectionString;
  }

  it("two separate pools (two token services) refresh once between them", async () => {
    const { session } = await signIn();
    const otherPool = openPostgres(databaseUrl(), 10);
    try {
      const other = createTokenService({
        db: otherPool.db,
        key,
        oauth: sandboxSettings(sandbox.url),
        log: quiet,
      });
      await expireAccessToken(handle.db, session.connectionId);
      const before = await refreshCount(sandbox.url);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? tokens : other).getAccessToken(session.connectionId),
        ),
      );
      expect(new Set(results).size).toBe(1);
      expect((await refreshCount(sandbox.url)) - before).toBe(1);
    } finally {
      await otherPool.close();
    }
  });

  it("two child processes running the token service refresh once between them", async () => {
    const { session } = await signIn();
    await expireAccessToken(handle.db, session.connectionId);
    const before = await refreshCount(sandbox.url);
    const env = {
      CHILD_DATABASE_URL: databaseUrl(),
      CHILD_KEY: key.toString("base64"),
      CHILD_ISSUER: sandbox.url,
      CHILD_CONNECTION_ID: session.connectionId,
      CHILD_CONCURRENCY: "25",
    };
    const [a, b] = (
      await runChildrenInStep<{ tokens: string[] }>("lib/auth/refresh-child.test-support.ts", [
        env,
        env,
      ])
    ).map((result) => result.tokens);
    expect(new Set([...a!, ...b!]).size).toBe(1);
    expect((await refreshCount(sandbox.url)) - before).toBe(1);
  }, 60_000);
});
