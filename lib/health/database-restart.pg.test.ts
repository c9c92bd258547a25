import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { route } from "@/lib/http/route";
import { findLedgerInterviewsByEventIds } from "@/lib/scheduling/interview-ledger";

// Issue 13 on a real PostgreSQL: the server drops the app's connections while a request is
// waiting on the database (pg_terminate_backend, what a restart does to them). That request is
// answered 503 DATABASE_UNAVAILABLE with a message a person understands, never a 500; the next
// request gets a fresh connection and succeeds.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error("The postgres tests need DATABASE_URL (npm run test:db sets it in CI)");

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe("a database restart under a request", () => {
  it("fails that request clearly and serves the next", async () => {
    const logged: string[] = [];
    const ledgerPage = route({ auth: "none", log: (line) => logged.push(line) }, async () => {
      // A slow statement keeps the request on its connection while the server drops it.
      await handle.db.execute(sql`select pg_sleep(2)`);
      const rows = await findLedgerInterviewsByEventIds(handle.db, "emp-acme-robotics", ["e-1"]);
      return Response.json({ total: rows.length });
    });
    const call = () => ledgerPage(new Request("http://localhost:3000/ledger"));

    const during = call();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const name = (await admin.query<{ db: string }>("select current_database() as db")).rows[0]!.db;
    const appDatabase = new URL(
      (handle.db as unknown as { $client: { options: { connectionString: string } } }).$client
        .options.connectionString,
    ).pathname.slice(1);
    expect(appDatabase).not.toBe(name);
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
    await admin.end();

    const failed = await during;
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({
      error: {
        code: "DATABASE_UNAVAILABLE",
        message: "Lobby cannot reach its database right now; try again in a moment",
      },
    });
    expect(logged.join("\n")).toMatch(/DATABASE_UNAVAILABLE/);

    const next = await call();
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ total: 0 });
  });
});
