import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import type { RunningSandbox } from "@/sandbox/server";
import { spawnWorkerChild, type WorkerChild } from "./child-process.test-support";
import {
  mailboxFor,
  messageRow,
  queueInvitation,
  smtpUrlOf,
  startMailSandbox,
  useFastQueues,
  waitFor,
} from "./testing.test-support";

// Two app processes, each with its worker, on one PostgreSQL: pg-boss's SKIP LOCKED hands each
// job to one of them, and the row's claim keeps a job run twice from sending twice.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error("The postgres tests need DATABASE_URL (npm run test:db sets it in CI)");

let handle: DatabaseHandle;
let sandbox: RunningSandbox;

beforeAll(async () => {
  [handle, sandbox] = await Promise.all([createTestDatabase(), startMailSandbox()]);
  await useFastQueues(handle);
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("two app processes on one PostgreSQL", () => {
  it("send each message once", async () => {
    const pool = (handle.db as unknown as { $client: { options: { connectionString: string } } })
      .$client;
    const stamp = Date.now();
    const recipients = Array.from({ length: 12 }, (_, i) => `two.${stamp}.${i}@example.net`);
    const ids = await Promise.all(recipients.map((to) => queueInvitation(handle.db, to)));

    const env = {
      CHILD_DATABASE_URL: pool.options.connectionString,
      CHILD_SMTP_URL: smtpUrlOf(sandbox),
    };
    const children: WorkerChild[] = [spawnWorkerChild(env), spawnWorkerChild(env)];
    try {
      await Promise.all(children.map((child) => child.waitForLine(/^ready$/)));
      await waitFor(
        async () => {
          const rows = await Promise.all(ids.map((id) => messageRow(handle.db, id)));
          return rows.every((row) => row.status === "sent") ? rows : undefined;
        },
        45_000,
        "every message to be sent",
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      for (const to of recipients) expect(await mailboxFor(sandbox, to)).toHaveLength(1);
      const sentLines = children.flatMap((child) =>
        child.lines.filter((l) => l.startsWith("sent ")),
      );
      expect(sentLines).toHaveLength(ids.length);
      expect(new Set(sentLines).size).toBe(ids.length);
    } finally {
      for (const child of children) child.process.stdin!.end();
      await Promise.all(children.map((child) => child.exited));
    }
  }, 120_000);
});
