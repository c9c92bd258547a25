// How long a candidate waits for their mail: from the commit of the change that queues the
// message to the SMTP server's acceptance (the sandbox's mailbox has it). The app's own worker
// settings (pg-boss polling once a second, a pooled nodemailer transport), a real database
// (PGlite, or PostgreSQL with DATABASE_URL) and the sandbox's SMTP server, all on this machine.
// Starts what it needs and stops it all. Aim: a median under 2 s.
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { startCandidateMessageWorker } from "@/lib/jobs/candidate-message-worker";
import { createJobQueue, queueConnectionOf } from "@/lib/jobs/queue";
import { candidateMessageQueues } from "@/lib/jobs/queues";
import {
  ensureEmployer,
  invitationInput,
  mailboxFor,
  smtpUrlOf,
  startMailSandbox,
} from "@/lib/jobs/testing.test-support";
import { createCandidateMailDelivery } from "@/lib/mail/deliver";
import { createMailTransport } from "@/lib/mail/mail-transport";
import { queueCandidateMessage } from "@/lib/mail/queue-candidate-message";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 30);
const AIM_MS = 2_000;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main() {
  const [handle, sandbox] = await Promise.all([createTestDatabase(), startMailSandbox()]);
  const queue = createJobQueue({ connection: queueConnectionOf(handle), log: () => undefined });
  const transport = createMailTransport(smtpUrlOf(sandbox));
  try {
    await queue.start();
    await queue.defineQueues(
      candidateMessageQueues({ retryLimit: 8, retryDelaySeconds: 30, expireInSeconds: 300 }),
    );
    const delivery = createCandidateMailDelivery({
      db: handle.db,
      send: (mail) => transport.send(mail),
      fromAddress: "interviews@lobby.test",
      log: () => undefined,
    });
    await startCandidateMessageWorker(queue, delivery, () => undefined);
    const employerId = await ensureEmployer(handle.db);

    const waits: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      // A random pause, so commits do not fall in step with the worker's polling.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1_000));
      const to = `bench.${Date.now()}.${i}@example.net`;
      await handle.db.transaction((tx) =>
        queueCandidateMessage(tx, { employerId, interviewId: null, build: invitationInput(to) }),
      );
      const committed = performance.now();
      while ((await mailboxFor(sandbox, to)).length === 0) {
        if (performance.now() - committed > 30_000) throw new Error(`no mail for ${to} in 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      waits.push(performance.now() - committed);
    }

    waits.sort((a, b) => a - b);
    const median = quantile(waits, 0.5);
    const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
    console.log(`Committed change → SMTP acceptance, ${MESSAGES} invitations, ${database}`);
    console.table({
      "commit → accepted": {
        p50: `${median.toFixed(0)} ms`,
        p95: `${quantile(waits, 0.95).toFixed(0)} ms`,
        max: `${waits.at(-1)!.toFixed(0)} ms`,
        aim: `${AIM_MS} ms`,
        "p50 / aim": (median / AIM_MS).toFixed(2),
      },
    });
  } finally {
    await queue.stop(5_000);
    transport.close();
    await sandbox.close();
    await handle.close();
  }
}

await main();
