import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type Mail from "nodemailer/lib/mailer";
import type { Database } from "@/lib/db/client";
import { candidateMessages } from "@/lib/db/schema";
import { candidateMessageSchema } from "./candidate-message";
import { composeCandidateMail } from "./compose";
import { classifySmtpError, describeSmtpError } from "./smtp-outcome";

/**
 * Delivers one candidate message, for the job that names its row. At-least-once jobs, at most
 * one copy per message: the row, not the job, says what happened (ADR 0042).
 *
 * Invariants:
 * - A claim commits `sending` and the attempt number before any byte goes to the SMTP server.
 * - `sent` is committed in its own short transaction right after the server's 250.
 * - A claim that finds `sending` knows an earlier attempt stopped between those two commits (a
 *   worker killed, a job expired): the server may hold the message. It is never sent again by
 *   a job; it becomes `unknown`, shown with a resend for a person to decide.
 * - `sent`, `failed` and `unknown` are settled: a job that finds them does nothing. Only a
 *   resend (`resendCandidateMessage`) puts a settled message back to `queued`.
 * - The Message-ID is the row's, fixed when it was queued: a resend carries the same one, so a
 *   receiver that saw the first copy can drop the second.
 */

export interface DeliveryDeps {
  db: Database;
  send(mail: Mail.Options): Promise<{ response: string }>;
  /** Lobby's sending address (MAIL_FROM); the organizer's name goes with it. */
  fromAddress: string;
  now?: () => Date;
  log?: (line: string) => void;
  /**
   * Runs after the server's 250 and before `sent` is committed: the window the test
   * kills a worker in. Tests only.
   */
  afterAccepted?: (candidateMessageId: string) => Promise<void>;
}

/** Which run of the job this is, as pg-boss counts: the last one is retryCount = retryLimit. */
export interface JobAttempt {
  retryCount: number;
  retryLimit: number;
}

export type DeliveryOutcome =
  | { kind: "sent"; response: string }
  | { kind: "settled"; status: string }
  | { kind: "missing" }
  | { kind: "held"; reason: string }
  | { kind: "failed"; reason: string }
  | { kind: "retry"; reason: string };

const INTERRUPTED =
  "The previous attempt stopped after handing the message to the SMTP server and before its answer was recorded; it may have been delivered. Check with the interviewee before resending.";
const UNCERTAIN =
  "The connection to the SMTP server broke before it answered; the message may have been delivered. Check with the interviewee before resending.";

export function createCandidateMailDelivery(deps: DeliveryDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const { db } = deps;

  async function settle(
    id: string,
    attempt: number,
    fields: Partial<typeof candidateMessages.$inferInsert>,
  ) {
    await db
      .update(candidateMessages)
      .set({ ...fields, updatedAt: now() })
      .where(and(eq(candidateMessages.id, id), eq(candidateMessages.attempts, attempt)));
  }

  type Claim =
    | { kind: "claimed"; attempt: number; payload: unknown }
    | Exclude<DeliveryOutcome, { kind: "sent" | "failed" | "retry" }>;

  async function claim(id: string): Promise<Claim> {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(candidateMessages)
        .where(eq(candidateMessages.id, id))
        .for("update");
      if (!row) return { kind: "missing" };
      if (row.status === "sent" || row.status === "failed" || row.status === "unknown") {
        return { kind: "settled", status: row.status };
      }
      if (row.status === "sending") {
        await tx
          .update(candidateMessages)
          .set({ status: "unknown", lastError: INTERRUPTED, updatedAt: now() })
          .where(eq(candidateMessages.id, id));
        return { kind: "held", reason: INTERRUPTED };
      }
      const attempt = row.attempts + 1;
      await tx
        .update(candidateMessages)
        .set({ status: "sending", attempts: attempt, claimedAt: now(), updatedAt: now() })
        .where(eq(candidateMessages.id, id));
      return { kind: "claimed", attempt, payload: row.payload };
    });
  }

  /** One run of the job for row `id`. `retry` means: throw, so that pg-boss retries it later. */
  async function deliver(id: string, job: JobAttempt): Promise<DeliveryOutcome> {
    const claimed = await claim(id);
    if (claimed.kind !== "claimed") return claimed;
    const { attempt } = claimed;

    let mail: Mail.Options;
    try {
      mail = await composeCandidateMail(candidateMessageSchema.parse(claimed.payload), {
        fromAddress: deps.fromAddress,
      });
    } catch (error) {
      // A message that cannot be rendered never will be: fail it rather than retry a poison job.
      const reason = `The message could not be composed: ${(error as Error).message}`.slice(0, 500);
      await settle(id, attempt, { status: "failed", lastError: reason });
      return { kind: "failed", reason };
    }

    let response: string;
    try {
      ({ response } = await deps.send(mail));
    } catch (error) {
      const reason = describeSmtpError(error);
      const failure = classifySmtpError(error);
      if (failure === "uncertain") {
        await settle(id, attempt, { status: "unknown", lastError: `${UNCERTAIN} (${reason})` });
        log(`[mail] candidate message ${id} held: ${reason}`);
        return { kind: "held", reason };
      }
      if (failure === "permanent" || job.retryCount >= job.retryLimit) {
        await settle(id, attempt, { status: "failed", lastError: reason });
        log(`[mail] candidate message ${id} failed: ${reason}`);
        return { kind: "failed", reason };
      }
      await settle(id, attempt, { status: "retrying", lastError: reason });
      return { kind: "retry", reason };
    }

    await deps.afterAccepted?.(id);
    // Accepted: whatever `unknown` a parallel run wrote meanwhile (an expired job), it was sent.
    await db
      .update(candidateMessages)
      .set({
        status: "sent",
        smtpResponse: response.slice(0, 500),
        lastError: null,
        sentAt: now(),
        updatedAt: now(),
      })
      .where(
        and(
          eq(candidateMessages.id, id),
          eq(candidateMessages.attempts, attempt),
          inArray(candidateMessages.status, ["sending", "unknown"]),
        ),
      );
    return { kind: "sent", response };
  }

  /**
   * A job pg-boss gave up on without the handler settling the row (the last run expired, its
   * worker killed): an unfinished message is failed, one caught mid-send is held as unknown.
   */
  async function settleAbandoned(id: string): Promise<void> {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: candidateMessages.status })
        .from(candidateMessages)
        .where(eq(candidateMessages.id, id))
        .for("update");
      if (!row) return;
      if (row.status === "sending") {
        await tx
          .update(candidateMessages)
          .set({ status: "unknown", lastError: INTERRUPTED, updatedAt: now() })
          .where(eq(candidateMessages.id, id));
      } else if (row.status === "queued" || row.status === "retrying") {
        await tx
          .update(candidateMessages)
          .set({ status: "failed", lastError: "Gave up after the last retry", updatedAt: now() })
          .where(eq(candidateMessages.id, id));
      }
    });
  }

  return { deliver, settleAbandoned };
}

export type CandidateMailDelivery = ReturnType<typeof createCandidateMailDelivery>;
