import "server-only";
import { z } from "zod";
import type { CandidateMailDelivery } from "@/lib/mail/deliver";
import type { JobQueue } from "./queue";
import { CANDIDATE_MESSAGE_DEAD_LETTER, CANDIDATE_MESSAGE_QUEUE } from "./queues";

/** The job's data: only the row's id. The message itself lives in `candidate_messages`. */
export const candidateMessageJobSchema = z.object({ candidateMessageId: z.uuid() });
export type CandidateMessageJob = z.infer<typeof candidateMessageJobSchema>;

/**
 * Registers the process's candidate-message worker and its dead-letter worker. A run that must
 * be retried throws (pg-boss reschedules it with backoff); every other outcome completes it. A
 * job whose data is not a row id completes at once: a poison job never blocks the queue.
 */
export async function startCandidateMessageWorker(
  queue: JobQueue,
  delivery: CandidateMailDelivery,
  log: (line: string) => void = (line) => console.error(line),
): Promise<void> {
  await queue.work<unknown>(CANDIDATE_MESSAGE_QUEUE, async (job) => {
    const data = candidateMessageJobSchema.safeParse(job.data);
    if (!data.success) {
      log(`[jobs] ${CANDIDATE_MESSAGE_QUEUE} job ${job.id} has no candidate message id; dropped`);
      return { kind: "invalid" };
    }
    const outcome = await delivery.deliver(data.data.candidateMessageId, {
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
    });
    if (outcome.kind === "retry") throw new Error(outcome.reason);
    return outcome;
  });
  await queue.work<unknown>(CANDIDATE_MESSAGE_DEAD_LETTER, async (job) => {
    const data = candidateMessageJobSchema.safeParse(job.data);
    if (data.success) await delivery.settleAbandoned(data.data.candidateMessageId);
  });
}
