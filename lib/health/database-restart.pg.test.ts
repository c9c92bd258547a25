import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import type { DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { action } from "@/lib/http/action";
import { route } from "@/lib/http/route";
import { findLedgerInterviewsByEventIds } from "@/lib/scheduling/interview-ledger";

// Issue 13 on a real PostgreSQL: the server drops the app's connections while a request is
// waiting on the database (pg_terminate_backend, what a restart does to them). That request is
// answered 503 DATABASE_UNAVAILABLE with a message a person understands, never a 500; the next
// request gets a fresh connection and succeeds. The same for a form's server action.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error("The postgres tests need DATABASE_URL (npm run test:db sets it in CI)");

const APP = "http://localhost:3000";
const UNAVAILABLE = "Lobby cannot reach its database right now; try again in a moment";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

/** What a request does: a slow statement that keeps it on its connection, then a real read. */
async function readLedger() {
  await handle.db.execute(sql`select pg_sleep(2)`);
  return findLedgerInterviewsByEventIds(handle.db, "emp-acme-robotics", ["e-1"]);
}

/** Runs `call` and, while its slow statement runs, terminates the app database's backends. */
async function restartedDuring<T>(call: () => Promise<T>): Promise<T> {
  const during = call();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const own = (await admin.query<{ db: string }>("select current_database() as db")).rows[0]!.db;
    const appDatabase = new URL(
      (handle.db as unknown as { $client: { options: { connectionString: string } } }).$client
        .options.connectionString,
    ).pathname.slice(1);
    expect(appDatabase).not.toBe(own);
    await expect
      .poll(async () => {
        const { rows } = await admin.query<{ n: string }>(
          "select count(*) as n from pg_stat_activity where datname = $1 and query like '%pg_sleep%' and state = 'active'",
          [appDatabase],
        );
        return Number(rows[0]!.n);
      })
      .toBe(1);
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [appDatabase],
    );
  } finally {
    await admin.end();
  }
  return during;
}

describe("a database restart under a request", () => {
  it("fails that request clearly and serves the next", async () => {
    const logged: string[] = [];
    const ledgerPage = route({ auth: "none", log: (line) => logged.push(line) }, async () =>
      Response.json({ total: (await readLedger()).length }),
    );
    const call = () => ledgerPage(new Request(`${APP}/ledger`));

    const failed = await restartedDuring(call);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({
      error: { code: "DATABASE_UNAVAILABLE", message: UNAVAILABLE },
    });
    expect(logged.join("\n")).toMatch(/DATABASE_UNAVAILABLE/);

    const next = await call();
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ total: 0 });
  });

  it("gives a form's action the same clear answer, and the next post succeeds", async () => {
    const logged: string[] = [];
    const save = action<[], { saved?: number; code?: string; error?: string }>(
      {
        auth: "employer",
        appUrl: APP,
        getSession: async () => fakeEmployerSession(),
        requestHeaders: async () => new Headers({ origin: APP }),
        log: (line) => logged.push(line),
        onError: (error) => ({ code: error.code, error: error.message }),
      },
      async () => ({ saved: (await readLedger()).length }),
    );

    expect(await restartedDuring(save)).toEqual({
      code: "DATABASE_UNAVAILABLE",
      error: UNAVAILABLE,
    });
    expect(logged.join("\n")).toMatch(/\[action\] .* DATABASE_UNAVAILABLE/);
    expect(await save()).toEqual({ saved: 0 });
  });
});
