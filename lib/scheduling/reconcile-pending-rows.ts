import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { pendingConfirmations } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { LedgerActor } from "./record-interview-change";

/**
 * The ledger's pending confirmations (issue 13): a create or a change Indeed may or may not
 * have applied is written down with what was sent, and no other create for the same
 * application or interviewee, and no other change of the same event, goes out until
 * lib/scheduling/reconcile-pending.ts has looked it up at Indeed.
 */

/** What identifies a create: the form's attempt, its application, its interviewee. */
export interface CreateAttempt {
  attemptId?: string;
  applicationId?: string;
  intervieweeEmail?: string | null;
}

export const OUTCOME_UNKNOWN_MESSAGE =
  "Indeed did not confirm the interview. Lobby is checking with Indeed whether it was created; do not schedule it again yet.";
export const STILL_CHECKING_MESSAGE =
  "An earlier interview for this applicant is still being checked with Indeed. Wait for the check to finish before scheduling again.";
export const CHANGE_OUTCOME_UNKNOWN_MESSAGE =
  "Indeed did not confirm the change. Lobby is checking with Indeed whether it was made; do not make it again yet.";
export const CHANGE_STILL_CHECKING_MESSAGE =
  "An earlier change to this interview is still being checked with Indeed. Wait for the check to finish before changing it again.";

/** What identifies a change: the operation and the event it changes, and Lobby's context. */
export interface ChangeAttempt {
  operationName: string;
  eventId: string;
  /** What the operation's contextSchema accepted (a cancel's reason). */
  context?: unknown;
}

function sameCreate(actor: LedgerActor, attempt: CreateAttempt): SQL {
  const matches: SQL[] = [];
  if (attempt.attemptId) matches.push(eq(pendingConfirmations.id, attempt.attemptId));
  if (attempt.applicationId)
    matches.push(eq(pendingConfirmations.applicationId, attempt.applicationId));
  if (attempt.intervieweeEmail)
    matches.push(
      sql`lower(${pendingConfirmations.intervieweeEmail}) = ${attempt.intervieweeEmail.toLowerCase()}`,
    );
  return and(
    eq(pendingConfirmations.employerId, actor.employer.id),
    eq(pendingConfirmations.state, "pending"),
    matches.length > 0 ? or(...matches) : sql`false`,
  )!;
}

/** Refuses a create while an earlier one for the same attempt, application or interviewee is unconfirmed. */
export async function refuseCreateWhilePending(
  tx: Transaction,
  actor: LedgerActor,
  attempt: CreateAttempt,
): Promise<void> {
  const [pending] = await tx
    .select({ id: pendingConfirmations.id })
    .from(pendingConfirmations)
    .where(sameCreate(actor, attempt))
    .limit(1);
  if (pending) throw new AppError("OUTCOME_UNKNOWN", STILL_CHECKING_MESSAGE);
}

/**
 * Writes the pending confirmation of a create whose outcome is unknown and returns the error
 * the route answers. The same attempt sent again after a "not found" starts over.
 */
export async function recordCreateOutcomeUnknown(
  tx: Transaction,
  actor: LedgerActor,
  attempt: CreateAttempt,
  sent: unknown,
): Promise<AppError> {
  const row = {
    employerId: actor.employer.id,
    userId: actor.userId,
    operationName: "CreateInterview",
    applicationId: attempt.applicationId ?? null,
    intervieweeEmail: attempt.intervieweeEmail ?? null,
    sent: sent as Record<string, unknown>,
    state: "pending" as const,
    checks: 0,
    lastCheckedAt: null,
    indeedEventId: null,
  };
  await tx
    .insert(pendingConfirmations)
    .values({ id: attempt.attemptId ?? randomUUID(), ...row })
    .onConflictDoUpdate({
      target: pendingConfirmations.id,
      set: { ...row, updatedAt: new Date() },
      // Another employer's attempt id is never taken over.
      setWhere: eq(pendingConfirmations.employerId, actor.employer.id),
    });
  return new AppError("OUTCOME_UNKNOWN", OUTCOME_UNKNOWN_MESSAGE);
}

/** Refuses a change of an event while an earlier change of it is unconfirmed. */
export async function refuseChangeWhilePending(
  tx: Transaction,
  actor: LedgerActor,
  eventId: string,
): Promise<void> {
  const [pending] = await tx
    .select({ id: pendingConfirmations.id })
    .from(pendingConfirmations)
    .where(
      and(
        eq(pendingConfirmations.employerId, actor.employer.id),
        eq(pendingConfirmations.indeedEventId, eventId),
        eq(pendingConfirmations.state, "pending"),
      ),
    )
    .limit(1);
  if (pending) throw new AppError("OUTCOME_UNKNOWN", CHANGE_STILL_CHECKING_MESSAGE);
}

/** Writes the pending confirmation of a change whose outcome is unknown; returns the error to answer. */
export async function recordChangeOutcomeUnknown(
  tx: Transaction,
  actor: LedgerActor,
  change: ChangeAttempt,
  sent: unknown,
): Promise<AppError> {
  await tx.insert(pendingConfirmations).values({
    id: randomUUID(),
    employerId: actor.employer.id,
    userId: actor.userId,
    operationName: change.operationName,
    indeedEventId: change.eventId,
    sent: sent as Record<string, unknown>,
    context: (change.context ?? null) as Record<string, unknown> | null,
  });
  return new AppError("OUTCOME_UNKNOWN", CHANGE_OUTCOME_UNKNOWN_MESSAGE);
}

/** After a create Indeed confirmed: the attempt's row, if a retry left one, is settled. */
export async function settleCreateAttempt(
  tx: Transaction,
  actor: LedgerActor,
  attemptId: string | undefined,
  indeedEventId: string,
): Promise<void> {
  if (!attemptId) return;
  await tx
    .update(pendingConfirmations)
    .set({ state: "confirmed", indeedEventId, updatedAt: new Date() })
    .where(
      and(
        eq(pendingConfirmations.id, attemptId),
        eq(pendingConfirmations.employerId, actor.employer.id),
      ),
    );
}
