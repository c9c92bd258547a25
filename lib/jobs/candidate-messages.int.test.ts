import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import type { DatabaseHandle } from "@/lib/db/client";
import { queueCandidateMessage, resendCandidateMessage } from "@/lib/mail/queue-candidate-message";
import type { RunningSandbox } from "@/sandbox/server";
import {
  armSmtpFault,
  clearSmtpFaults,
  ensureEmployer,
  invitationInput,
  mailboxFor,
  messageRow,
  queueInvitation,
  smtpUrlOf,
  startMailSandbox,
  startTestWorker,
  useFastQueues,
  waitFor,
  type TestWorker,
} from "./testing.test-support";

// The candidate-message job end to end: a real database (PGlite, or PostgreSQL with
// DATABASE_URL), pg-boss, nodemailer and the sandbox's SMTP server and mailbox.

let handle: DatabaseHandle;
let sandbox: RunningSandbox;
let worker: TestWorker | undefined;
let n = 0;
const address = () => `jo.${Date.now()}.${++n}@example.net`;

async function jobCount(): Promise<number> {
  const result = (await handle.db.execute(
    sql`select count(*)::int as count from pgboss.job where name = 'candidate-message'`,
  )) as unknown as { rows: { count: number }[] };
  return Number(result.rows[0]!.count);
}

async function settled(id: string, status: string) {
  return waitFor(
    async () => {
      const row = await messageRow(handle.db, id);
      return row.status === status ? row : undefined;
    },
    30_000,
    `message ${id} to be ${status}`,
  );
}

beforeAll(async () => {
  [handle, sandbox] = await Promise.all([createTestDatabase(), startMailSandbox()]);
  await useFastQueues(handle);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await clearSmtpFaults(sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("candidate messages on the job queue", () => {
  it("a rolled-back transaction queues nothing", async () => {
    const employerId = await ensureEmployer(handle.db);
    const to = address();
    const jobsBefore = await jobCount();
    await expect(
      handle.db.transaction(async (tx) => {
        await queueCandidateMessage(tx, {
          employerId,
          interviewId: null,
          build: invitationInput(to),
        });
        throw new Error("the ledger write failed");
      }),
    ).rejects.toThrow("the ledger write failed");
    expect(await jobCount()).toBe(jobsBefore);
    const rows = (await handle.db.execute(
      sql`select count(*)::int as count from candidate_messages where recipient_email = ${to}`,
    )) as unknown as { rows: { count: number }[] };
    expect(Number(rows.rows[0]!.count)).toBe(0);
  });

  it("a committed change sends exactly one message, found in the mailbox", async () => {
    const to = address();
    const id = await queueInvitation(handle.db, to);
    expect(await jobCount()).toBeGreaterThan(0);
    worker = await startTestWorker(handle, smtpUrlOf(sandbox));
    const row = await settled(id, "sent");
    expect(row.attempts).toBe(1);
    expect(row.smtpResponse).toMatch(/^250 /);
    // Give a second (wrong) delivery time to happen before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const mails = await mailboxFor(sandbox, to);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toBe(row.messageId);
    expect(mails[0]!.text).toContain("http://127.0.0.1:4010/lobby/interviewee/abc");
  });

  it("an SMTP server refusing for a while ends in delivery after retries", async () => {
    const to = address();
    await armSmtpFault(sandbox, { mode: "refuse-temporarily", count: 2 });
    const id = await queueInvitation(handle.db, to);
    worker = await startTestWorker(handle, smtpUrlOf(sandbox));
    const row = await settled(id, "sent");
    expect(row.attempts).toBe(3);
    expect(await mailboxFor(sandbox, to)).toHaveLength(1);
  });

  it("a permanently failing address ends failed, and its resend delivers once the address works", async () => {
    const to = address();
    await armSmtpFault(sandbox, { mode: "refuse-recipient", address: to });
    const id = await queueInvitation(handle.db, to);
    worker = await startTestWorker(handle, smtpUrlOf(sandbox));
    const failed = await settled(id, "failed");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/550/);
    expect(await mailboxFor(sandbox, to)).toHaveLength(0);

    // Another employer cannot resend it; the employer can, once.
    expect(
      await resendCandidateMessage(handle.db, { employerId: "emp-other", candidateMessageId: id }),
    ).toBe(false);
    await clearSmtpFaults(sandbox);
    const employerId = failed.employerId;
    const [first, second] = await Promise.all([
      resendCandidateMessage(handle.db, { employerId, candidateMessageId: id }),
      resendCandidateMessage(handle.db, { employerId, candidateMessageId: id }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const sent = await settled(id, "sent");
    expect(sent.attempts).toBe(2);
    const mails = await mailboxFor(sandbox, to);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toBe(failed.messageId);
  });

  it("a connection dropped after the server stored the message is held as unknown, not resent", async () => {
    const to = address();
    await armSmtpFault(sandbox, { mode: "accept-then-drop-connection", count: 1 });
    const id = await queueInvitation(handle.db, to);
    worker = await startTestWorker(handle, smtpUrlOf(sandbox));
    const row = await settled(id, "unknown");
    expect(row.lastError).toMatch(/may have been delivered/);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await mailboxFor(sandbox, to)).toHaveLength(1);
    expect((await messageRow(handle.db, id)).status).toBe("unknown");
  });

  it("numbers an event's messages 0, 1, 2 in commit order", async () => {
    const employerId = await ensureEmployer(handle.db);
    const to = address();
    const eventId = `evt-seq-${Date.now()}`;
    const sequences: number[] = [];
    for (let i = 0; i < 3; i++) {
      await handle.db.transaction(async (tx) => {
        const { message } = await queueCandidateMessage(tx, {
          employerId,
          interviewId: null,
          build: invitationInput(to, eventId),
        });
        sequences.push(message.sequence);
      });
    }
    expect(sequences).toEqual([0, 1, 2]);
  });
});
