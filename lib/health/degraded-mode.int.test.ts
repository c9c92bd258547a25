import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { sandboxSettings, signInAs, type SignedIn } from "@/lib/auth/sandbox-fixtures.test-support";
import { createTokenService } from "@/lib/auth/tokens";
import type { DatabaseHandle } from "@/lib/db/client";
import { pendingConfirmations } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { createIndeedClient, type IndeedClient } from "@/lib/indeed/client";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import { operations, services } from "@/lib/operations";
import { refreshFromIndeed } from "@/lib/scheduling/reconcile-ledger";
import type { HealthReport } from "./check-health";

/**
 * Issue 13, degraded not broken: with the sandbox stopped, the GraphQL route answers a clear
 * 503 (never a 500), a create that could not even connect is not taken for an unknown
 * outcome, the application page's refresh says "unreachable" instead of throwing, and the
 * health report says Indeed is down; the first request after the sandbox is back works.
 */

const APP = "http://localhost:3000";

describe(`with Indeed stopped and started again (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let sandbox: RunningSandbox;
  let port: number;
  let handle: DatabaseHandle;
  let dataDir: string;
  let client: IndeedClient<typeof operations>;
  let dana: SignedIn;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lobby-degraded-"));
    // A kept state file: the restarted sandbox knows the grant and the signing keys.
    sandbox = await startSandbox({ port: 0, dataDir });
    port = Number(new URL(sandbox.url).port);
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
      timeoutMs: 2_000,
    });
    dana = await signInAs(
      { db: handle.db, tokens, sandboxUrl: sandbox.url },
      { user: "u-dana", employer: "emp-acme-robotics" },
    );
  });
  afterAll(async () => {
    vi.doUnmock("@/lib/db/client");
    vi.doUnmock("@/lib/config");
    await sandbox?.close();
    await handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function post(operationName: string, variables: unknown, context?: unknown) {
    return handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({ operationName, variables, context }),
      }),
      { appUrl: APP, getSession: async () => dana.session, client, operations, log: () => {} },
    );
  }
  const find = {
    first: 10,
    input: { startTime: { after: "2031-01-01T00:00:00+00:00" } },
  };

  // One module for the whole test: nothing it keeps between checks may hide Indeed's state.
  let checkHealth: (() => Promise<HealthReport>) | undefined;
  async function health() {
    if (!checkHealth) {
      vi.resetModules();
      vi.doMock("@/lib/db/client", () => ({ databaseHandle: () => handle }));
      vi.doMock("@/lib/config", () => ({
        config: () => ({ indeed: { issuer: sandbox.url, usesSandbox: true } }),
      }));
      checkHealth = (await import("./check-health")).checkHealth;
    }
    return checkHealth();
  }

  it("answers clearly while Indeed is away, and works again on the first request after", async () => {
    expect((await post("FindInterviews", find)).status).toBe(200);
    expect(await health()).toMatchObject({ status: "ok", indeed: { status: "up" } });
    await sandbox.close();

    const read = await post("FindInterviews", find);
    expect(read.status).toBe(503);
    expect(await read.json()).toMatchObject({
      error: { code: "INDEED_UNAVAILABLE", message: expect.stringMatching(/Indeed/) },
    });

    const attemptId = randomUUID();
    const create = await post(
      "CreateInterview",
      {
        input: {
          startTime: "2031-07-01T15:00:00+00:00",
          endTime: "2031-07-01T16:00:00+00:00",
          title: "While Indeed is away",
          timezone: "UTC",
          interviewers: [],
        },
      },
      { attemptId },
    );
    // A refused connection reached nobody: a plain 503, nothing left to confirm.
    expect(create.status).toBe(503);
    expect(await handle.db.select().from(pendingConfirmations)).toEqual([]);

    expect(
      await refreshFromIndeed(
        {
          db: handle.db,
          getInterviews: (session, ids) => client.execute(session, "GetInterviews", { ids }),
        },
        dana.session,
        ["some-event"],
      ),
    ).toEqual({ reachable: false, changed: 0 });

    // The database still answers: the app is up, Indeed is reported down.
    expect(await health()).toMatchObject({
      status: "ok",
      database: { status: "up" },
      indeed: { status: "down" },
    });

    sandbox = await startSandbox({ port, dataDir });
    const back = await post("FindInterviews", find);
    expect(back.status).toBe(200);
    expect(await health()).toMatchObject({ indeed: { status: "up" } });
  });
});
