import "server-only";
import { config } from "@/lib/config";
import { databaseHandle } from "@/lib/db/client";
import { createCandidateMailDelivery } from "@/lib/mail/deliver";
import { createMailTransport } from "@/lib/mail/mail-transport";
import { executeOperation } from "@/lib/operations";
import { startCandidateMessageWorker } from "./candidate-message-worker";
import { startLedgerReconcileWorker } from "./ledger-reconcile-worker";
import { createJobQueue, queueConnectionOf, type JobQueue } from "./queue";
import { candidateMessageQueues, ledgerReconcileQueue } from "./queues";

/**
 * The process's workers: one queue, the candidate-message worker and the hourly ledger
 * reconcile (ledger-reconcile-worker.ts, on pg-boss's clock), started with the app
 * (instrumentation.ts → lib/start-server.ts) after the migrations, stopped gracefully on
 * SIGTERM/SIGINT: fetching stops, a message being sent finishes (up to 20 s), then the process
 * exits. Kept on globalThis: Next may load this module from several bundles.
 */

/** A send never takes longer than nodemailer's timeouts (10 s + 10 s + 60 s); expiry is well past. */
const EXPIRE_IN_SECONDS = 300;

interface RunningJobs {
  queue: JobQueue;
  stop(): Promise<void>;
}

const globalKey = Symbol.for("lobby.jobs");
type WithJobs = typeof globalThis & { [globalKey]?: Promise<RunningJobs> };

export function startJobs(): Promise<RunningJobs> {
  const holder = globalThis as WithJobs;
  holder[globalKey] ??= (async () => {
    const { mail } = config();
    const handle = databaseHandle();
    const queue = createJobQueue({ connection: queueConnectionOf(handle), schedule: true });
    await queue.start();
    await queue.defineQueues([
      ...candidateMessageQueues({
        retryLimit: mail.retryLimit,
        retryDelaySeconds: mail.retryDelaySeconds,
        expireInSeconds: EXPIRE_IN_SECONDS,
      }),
      ledgerReconcileQueue,
    ]);
    const transport = createMailTransport(mail.smtpUrl);
    const delivery = createCandidateMailDelivery({
      db: handle.db,
      send: (message) => transport.send(message),
      fromAddress: mail.from.address,
    });
    await startCandidateMessageWorker(queue, delivery);
    await startLedgerReconcileWorker(queue, {
      db: handle.db,
      getInterviews: (session, ids) => executeOperation(session, "GetInterviews", { ids }),
      find: (session, variables) => executeOperation(session, "FindInterviews", variables),
    });
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await queue.stop(20_000);
        transport.close();
      })());
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        void stop().finally(() => process.exit(0));
      });
    }
    return { queue, stop };
  })();
  return holder[globalKey];
}
