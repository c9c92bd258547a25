import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database, Transaction } from "@/lib/db/client";
import { candidateMessages } from "@/lib/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import { CANDIDATE_MESSAGE_QUEUE } from "@/lib/jobs/queues";
import {
  createCandidateMessage,
  type CandidateMessage,
  type CreateCandidateMessageInput,
} from "./candidate-message";
import { messageIdOf } from "./message-identity";

/**
 * Queues a message to an interviewee inside the caller's transaction (the one that records
 * Indeed's answer): the row and its job are committed with the ledger row or not at all.
 *
 * SEQUENCE: the event's messages are numbered 0, 1, 2… in the order their transactions commit.
 * A transaction-scoped advisory lock on the event id makes two changes to one event take turns
 * (the unique (event, sequence) index would otherwise fail the later one after Indeed had
 * accepted it).
 */
export interface QueueCandidateMessageInput {
  employerId: string;
  /** Who made the change the message tells of (the audit entry's who); absent for Lobby. */
  userId?: string;
  interviewId: string | null;
  /** The message, given the SEQUENCE it gets. */
  build(sequence: number): CreateCandidateMessageInput;
}

export async function queueCandidateMessage(
  tx: Transaction,
  input: QueueCandidateMessageInput,
): Promise<{ id: string; message: CandidateMessage; jobId: string }> {
  const eventId = input.build(0).event.id;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${eventId}, 14))`);
  const [last] = await tx
    .select({ sequence: sql<number | null>`max(${candidateMessages.sequence})` })
    .from(candidateMessages)
    .where(eq(candidateMessages.indeedEventId, eventId));
  const sequence = last?.sequence == null ? 0 : Number(last.sequence) + 1;
  const message = createCandidateMessage(input.build(sequence));
  const [row] = await tx
    .insert(candidateMessages)
    .values({
      employerId: input.employerId,
      interviewId: input.interviewId,
      indeedEventId: message.event.id,
      kind: message.kind,
      sequence,
      recipientEmail: message.interviewee.email,
      recipientName: message.interviewee.name,
      messageId: messageIdOf(message),
      payload: message as unknown as Record<string, unknown>,
    })
    .returning({ id: candidateMessages.id });
  const jobId = await enqueue(tx, CANDIDATE_MESSAGE_QUEUE, { candidateMessageId: row!.id });
  await tx.update(candidateMessages).set({ jobId }).where(eq(candidateMessages.id, row!.id));
  await recordAuditEvent(tx, {
    employerId: input.employerId,
    userId: input.userId ?? null,
    action: "message.queue",
    subject: { type: "interview", id: message.event.id },
    details: { candidateMessageId: row!.id, kind: message.kind, sequence },
  });
  return { id: row!.id, message, jobId };
}

/**
 * Puts a failed or unknown message back in the queue with a new job: same row, same SEQUENCE,
 * same Message-ID. Scoped to the employer; false when there is nothing to resend (another
 * click got there first, or the message is not the employer's). Audited as `userId`'s.
 */
export async function resendCandidateMessage(
  db: Database,
  {
    employerId,
    candidateMessageId,
    userId,
  }: { employerId: string; candidateMessageId: string; userId?: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(candidateMessages)
      .set({ status: "queued", updatedAt: new Date() })
      .where(
        and(
          eq(candidateMessages.id, candidateMessageId),
          eq(candidateMessages.employerId, employerId),
          inArray(candidateMessages.status, ["failed", "unknown"]),
        ),
      )
      .returning({
        id: candidateMessages.id,
        indeedEventId: candidateMessages.indeedEventId,
        kind: candidateMessages.kind,
        sequence: candidateMessages.sequence,
      });
    if (!row) return false;
    const jobId = await enqueue(tx, CANDIDATE_MESSAGE_QUEUE, { candidateMessageId: row.id });
    await tx.update(candidateMessages).set({ jobId }).where(eq(candidateMessages.id, row.id));
    await recordAuditEvent(tx, {
      employerId,
      userId: userId ?? null,
      action: "message.resend",
      subject: { type: "interview", id: row.indeedEventId },
      details: { candidateMessageId: row.id, kind: row.kind, sequence: row.sequence },
    });
    return true;
  });
}

export interface CandidateMessageHistoryEntry {
  id: string;
  kind: "invitation" | "update" | "cancellation";
  sequence: number;
  recipientEmail: string;
  recipientName: string;
  status: (typeof candidateMessages.$inferSelect)["status"];
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** An event's messages for the employer, oldest first. */
export async function listCandidateMessages(
  db: Database,
  { employerId, indeedEventId }: { employerId: string; indeedEventId: string },
): Promise<CandidateMessageHistoryEntry[]> {
  return db
    .select({
      id: candidateMessages.id,
      kind: candidateMessages.kind,
      sequence: candidateMessages.sequence,
      recipientEmail: candidateMessages.recipientEmail,
      recipientName: candidateMessages.recipientName,
      status: candidateMessages.status,
      attempts: candidateMessages.attempts,
      lastError: candidateMessages.lastError,
      createdAt: candidateMessages.createdAt,
      sentAt: candidateMessages.sentAt,
    })
    .from(candidateMessages)
    .where(
      and(
        eq(candidateMessages.employerId, employerId),
        eq(candidateMessages.indeedEventId, indeedEventId),
      ),
    )
    .orderBy(asc(candidateMessages.sequence));
}
