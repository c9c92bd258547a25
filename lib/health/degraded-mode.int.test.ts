import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { pendingConfirmations } from "@/lib/db/schema";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import { operations } from "@/lib/operations";
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
  let bed: IndeedTestbed;
  let dana: SignedIn;

  beforeAll(async () => {
    // A kept state file: the restarted sandbox knows the grant and the signing keys.
    bed = await startIndeedTestbed({ persistent: true, timeoutMs: 2_000 });
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
  });
  afterAll(async () => {
    vi.doUnmock("@/lib/db/client");
    vi.doUnmock("@/lib/config");
    await bed?.close();
  });

  function post(operationName: string, variables: unknown, context?: unknown) {
    return handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({ operationName, variables, context }),
      }),
      {
        appUrl: APP,
        getSession: async () => dana.session,
        client: bed.client,
        operations,
        log: () => {},
      },
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
      vi.doMock("@/lib/db/client", () => ({ databaseHandle: () => bed.handle }));
      vi.doMock("@/lib/config", () => ({
        config: () => ({ indeed: { issuer: bed.sandbox.url, usesSandbox: true } }),
      }));
      checkHealth = (await import("./check-health")).checkHealth;
    }
    return checkHealth();
  }

  it("answers clearly while Indeed is away, and works again on the first request after", async () => {
    expect((await post("FindInterviews", find)).status).toBe(200);
    expect(await health()).toMatchObject({ status: "ok", indeed: { status: "up" } });
    await bed.sandbox.close();

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
    expect(await bed.handle.db.select().from(pendingConfirmations)).toEqual([]);

    expect(
      await refreshFromIndeed(
        {
          db: bed.handle.db,
          getInterviews: (session, ids) => bed.client.execute(session, "GetInterviews", { ids }),
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

    await bed.startSandboxAgain();
    const back = await post("FindInterviews", find);
    expect(back.status).toBe(200);
    expect(await health()).toMatchObject({ indeed: { status: "up" } });
  });
});
