import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import type { RunningSandbox } from "@/sandbox/server";
import { spawnWorkerChild } from "./child-process.test-support";
import {
  mailboxFor,
  messageRow,
  queueInvitation,
  smtpUrlOf,
  startMailSandbox,
  startTestWorker,
  useFastQueues,
  waitFor,
} from "./testing.test-support";

// The hardest case: the worker process dies (SIGKILL) after the SMTP server answered
// 250 and before it committed `sent`. The restarted worker must not send a second copy.
// On PGlite the data directory belongs to one process at a time, as in the app: the test closes
// it while the child runs, and reopens it as the "restarted app". With DATABASE_URL both share
// the server.

const postgresUrl = process.env.DATABASE_URL;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startMailSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

async function openDatabase(): Promise<{
  handle: DatabaseHandle;
  childEnv: Record<string, string>;
  reopen(): Promise<DatabaseHandle>;
  release(): Promise<void>;
}> {
  if (postgresUrl) {
    const handle = await createTestDatabase();
    const pool = (handle.db as unknown as { $client: { options: { connectionString: string } } })
      .$client;
    return {
      handle,
      childEnv: { CHILD_DATABASE_URL: pool.options.connectionString },
      reopen: async () => handle,
      release: async () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "lobby-killed-"));
  const handle = openPglite(dir);
  await migrateDatabase(handle);
  return {
    handle,
    childEnv: { CHILD_PGLITE_DIR: dir },
    reopen: async () => openPglite(dir),
    release: () => handle.close(),
  };
}

describe("a worker killed between the SMTP server's 250 and `sent`", () => {
  it("a worker killed (SIGKILL) after the SMTP server accepted and before the job was marked done sends no second copy after restart", async () => {
    const db = await openDatabase();
    await useFastQueues(db.handle);
    const to = `killed.${Date.now()}@example.net`;
    const id = await queueInvitation(db.handle.db, to);
    await db.release();

    const child = spawnWorkerChild({
      ...db.childEnv,
      CHILD_SMTP_URL: smtpUrlOf(sandbox),
      CHILD_HANG_AFTER_ACCEPT: "1",
    });
    await child.waitForLine(new RegExp(`^accepted ${id}$`));
    child.process.kill("SIGKILL");
    await child.exited;
    expect(await mailboxFor(sandbox, to)).toHaveLength(1);

    // The restarted app: pg-boss expires the dead worker's job and runs it again.
    const handle = await db.reopen();
    const worker = await startTestWorker(handle, smtpUrlOf(sandbox));
    try {
      const row = await waitFor(
        async () => {
          const current = await messageRow(handle.db, id);
          return current.status === "unknown" ? current : undefined;
        },
        40_000,
        "the message to be held as unknown",
      );
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/may have been delivered/);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await mailboxFor(sandbox, to)).toHaveLength(1);
    } finally {
      await worker.stop();
      await handle.close();
    }
  }, 240_000);
});
