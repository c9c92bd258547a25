import type { QueueDefinition } from "./queue";

/**
 * Lobby's queues. The migration 0004_job_queue creates them (so any migrated database takes
 * jobs); a starting worker sets their options again from the configuration.
 */
export const CANDIDATE_MESSAGE_QUEUE = "candidate-message";
/** Where pg-boss moves a candidate-message job it gave up on (see `settleAbandoned`). */
export const CANDIDATE_MESSAGE_DEAD_LETTER = "candidate-message-dead-letter";

/** The hourly reconcile of upcoming interviews with Indeed (ledger-reconcile-worker.ts). */
export const LEDGER_RECONCILE_QUEUE = "ledger-reconcile";

/** One run at a time is enough: a missed hour is caught up by the next. */
export const ledgerReconcileQueue: QueueDefinition = {
  name: LEDGER_RECONCILE_QUEUE,
  options: { policy: "singleton", retryLimit: 0, expireInSeconds: 15 * 60 },
};

export interface CandidateMessageQueueSettings {
  retryLimit: number;
  /** The first retry's delay; pg-boss doubles it for each retry after, with jitter. */
  retryDelaySeconds: number;
  /** How long a run may stay active before pg-boss deems its worker dead and retries it. */
  expireInSeconds: number;
}

export function candidateMessageQueues(settings: CandidateMessageQueueSettings): QueueDefinition[] {
  return [
    { name: CANDIDATE_MESSAGE_DEAD_LETTER, options: { policy: "standard", retryLimit: 0 } },
    {
      name: CANDIDATE_MESSAGE_QUEUE,
      options: {
        policy: "standard",
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: settings.expireInSeconds,
        deadLetter: CANDIDATE_MESSAGE_DEAD_LETTER,
      },
    },
  ];
}
