import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { DatabaseHandle, Database } from "@/lib/db/client";
import { candidateMessages, employers } from "@/lib/db/schema";
import { createCandidateMailDelivery, type DeliveryDeps } from "@/lib/mail/deliver";
import { createMailTransport, type MailTransport } from "@/lib/mail/mail-transport";
import { queueCandidateMessage } from "@/lib/mail/queue-candidate-message";
import type { CreateCandidateMessageInput } from "@/lib/mail/candidate-message";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { startCandidateMessageWorker } from "./candidate-message-worker";
import { createJobQueue, queueConnectionOf, type JobQueue } from "./queue";
import { candidateMessageQueues } from "./queues";

/** What the job and mail tests share: a sandbox with its SMTP server, workers, fixtures. Tests only. */

export const FAST_QUEUE = { retryLimit: 3, retryDelaySeconds: 1, expireInSeconds: 3 };

export async function startMailSandbox(): Promise<RunningSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), "lobby-mail-"));
  return startSandbox({ port: 0, smtpPort: 0, dataDir, ephemeral: true });
}

export const smtpUrlOf = (sandbox: RunningSandbox) => `smtp://127.0.0.1:${sandbox.smtpPort}`;

/**
 * Sets the queues' test options (short retries and expiry) before any job is queued: a job
 * takes its queue's options when it is inserted.
 */
export async function useFastQueues(handle: DatabaseHandle, settings = FAST_QUEUE) {
  const queue = createJobQueue({ connection: queueConnectionOf(handle), log: () => undefined });
  await queue.start();
  await queue.defineQueues(candidateMessageQueues(settings));
  await queue.stop(1_000);
}

export interface TestWorker {
  queue: JobQueue;
  transport: MailTransport;
  stop(): Promise<void>;
}

/** A started queue with the candidate-message worker, polling fast. */
export async function startTestWorker(
  handle: DatabaseHandle,
  smtpUrl: string,
  extra: Partial<DeliveryDeps> = {},
  settings = FAST_QUEUE,
): Promise<TestWorker> {
  const queue = createJobQueue({
    connection: queueConnectionOf(handle),
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    log: () => undefined,
  });
  await queue.start();
  await queue.defineQueues(candidateMessageQueues(settings));
  const transport = createMailTransport(smtpUrl);
  const delivery = createCandidateMailDelivery({
    db: handle.db,
    send: (mail) => transport.send(mail),
    fromAddress: "interviews@lobby.test",
    log: () => undefined,
    ...extra,
  });
  await startCandidateMessageWorker(queue, delivery, () => undefined);
  return {
    queue,
    transport,
    async stop() {
      await queue.stop(5_000);
      transport.close();
    },
  };
}

export async function ensureEmployer(db: Database, id = "emp-acme-robotics"): Promise<string> {
  await db.insert(employers).values({ id, name: "Acme Robotics" }).onConflictDoNothing();
  return id;
}

let counter = 0;

/** An invitation to a fresh event (its own id, so SEQUENCE starts at 0), for `to`. */
export function invitationInput(
  to: string,
  eventId = `evt-${Date.now()}-${++counter}`,
): (sequence: number) => CreateCandidateMessageInput {
  return (sequence) => ({
    kind: "invitation",
    appUrl: "http://localhost:3000",
    employer: { name: "Acme Robotics", contact: "careers@acme-robotics.example" },
    organizer: { name: "Acme Recruiting", email: "interviews@lobby.test" },
    replyTo: "dana@acme-robotics.example",
    event: {
      id: eventId,
      title: "Frontend engineer interview",
      start: "2030-01-15T19:30:00Z",
      end: "2030-01-15T20:15:00Z",
      timeZone: "America/New_York",
      language: "en",
    },
    interviewee: {
      name: "Jo Doe",
      email: to,
      lobbyUrl: "http://127.0.0.1:4010/lobby/interviewee/abc",
    },
    sequence,
    recordedAt: new Date().toISOString(),
  });
}

/** Queues an invitation in its own committed transaction; returns the row id. */
export async function queueInvitation(db: Database, to: string, eventId?: string) {
  const employerId = await ensureEmployer(db);
  return db.transaction(async (tx) => {
    const { id } = await queueCandidateMessage(tx, {
      employerId,
      interviewId: null,
      build: invitationInput(to, eventId),
    });
    return id;
  });
}

export async function messageRow(db: Database, id: string) {
  const [row] = await db.select().from(candidateMessages).where(eq(candidateMessages.id, id));
  return row!;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = "the condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface MailboxMessage {
  id: string;
  messageId: string | null;
  subject: string | null;
  text: string | null;
  envelope: { rcptTo: string[] };
}

export async function mailboxFor(sandbox: RunningSandbox, to: string): Promise<MailboxMessage[]> {
  const response = await fetch(
    `${sandbox.url}/_sandbox/mailbox/messages?to=${encodeURIComponent(to)}`,
  );
  const body = (await response.json()) as { messages: MailboxMessage[] };
  return body.messages;
}

export async function armSmtpFault(sandbox: RunningSandbox, fault: Record<string, unknown>) {
  const response = await fetch(`${sandbox.url}/_sandbox/mailbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`arming ${JSON.stringify(fault)}: ${response.status}`);
}

export async function clearSmtpFaults(sandbox: RunningSandbox) {
  await fetch(`${sandbox.url}/_sandbox/mailbox/faults/clear`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
}
