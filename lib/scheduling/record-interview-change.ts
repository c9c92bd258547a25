import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { applications, employers, interviews } from "@/lib/db/schema";
import { queueMessageForChange } from "@/lib/mail/queue-message-for-change";
import {
  recordChangeOutcomeUnknown,
  recordCreateOutcomeUnknown,
  refuseChangeWhilePending,
  refuseCreateWhilePending,
  settleCreateAttempt,
} from "./reconcile-pending-rows";
import {
  intervieweeEmailOf,
  interviewerEmailsOf,
  type InterviewEventSnapshot,
} from "./interview-event-snapshot";

/**
 * What Lobby writes after Indeed accepts a change: the ledger row (the interview's last known
 * state) and one audit entry, in the transaction the operation registry opens for `onSuccess`,
 * so both are written or neither. When the interviewee is concerned, the message to them is
 * queued in the same transaction (lib/mail/queue-message-for-change.ts): a rolled-back change
 * sends nothing.
 */

/** Who acted: the parts of the employer session the ledger needs. */
export interface LedgerActor {
  userId: string;
  employer: { id: string };
}

export type InterviewChange =
  "reschedule" | "add_interviewers" | "add_interviewee" | "set_title" | "set_timezone";

async function audit(
  tx: Transaction,
  actor: LedgerActor,
  action: AuditAction & `interview.${string}`,
  eventId: string,
  details: Record<string, unknown>,
) {
  await recordAuditEvent(tx, {
    employerId: actor.employer.id,
    userId: actor.userId,
    action,
    subject: { type: "interview", id: eventId },
    details,
  });
}

function instant(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The ledger columns an event snapshot sets; fields Indeed left null are not overwritten. */
function ledgerState(event: InterviewEventSnapshot) {
  return {
    ...(event.status ? { status: event.status } : {}),
    ...(event.title ? { title: event.title } : {}),
    ...(instant(event.startTime) ? { startTime: instant(event.startTime) } : {}),
    ...(instant(event.endTime) ? { endTime: instant(event.endTime) } : {}),
    ...(event.timezone ? { timezone: event.timezone } : {}),
    ...(intervieweeEmailOf(event) ? { intervieweeEmail: intervieweeEmailOf(event) } : {}),
  };
}

/**
 * Records a created interview. The application is linked only if it belongs to the actor's
 * employer; the chosen zone becomes the employer's default for the next form.
 */
export async function recordInterviewCreated(
  tx: Transaction,
  actor: LedgerActor,
  event: InterviewEventSnapshot,
  context: { applicationId?: string; fallbackTimezone?: string } = {},
): Promise<void> {
  let applicationId: string | null = null;
  if (context.applicationId) {
    const [owned] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.id, context.applicationId),
          eq(applications.employerId, actor.employer.id),
        ),
      )
      .limit(1);
    applicationId = owned?.id ?? null;
  }
  const start = instant(event.startTime);
  const end = instant(event.endTime);
  const timezone = event.timezone ?? context.fallbackTimezone;
  if (!start || !end || !timezone) {
    throw new Error("Indeed's create response lacks the event's times or time zone");
  }
  await tx
    .insert(interviews)
    .values({
      employerId: actor.employer.id,
      indeedEventId: event.id,
      applicationId,
      intervieweeEmail: intervieweeEmailOf(event),
      title: event.title ?? "Interview",
      startTime: start,
      endTime: end,
      timezone,
      status: event.status ?? "SCHEDULED",
      createdByUserId: actor.userId,
    })
    .onConflictDoNothing({ target: interviews.indeedEventId });
  await tx
    .update(employers)
    .set({ defaultTimezone: timezone, updatedAt: new Date() })
    .where(eq(employers.id, actor.employer.id));
  await audit(tx, actor, "interview.create", event.id, {
    applicationId,
    title: event.title,
    startTime: event.startTime,
    endTime: event.endTime,
    timezone,
    interviewers: interviewerEmailsOf(event),
    intervieweeEmail: intervieweeEmailOf(event),
  });
  await queueMessageForChange(tx, actor, event, { kind: "created" });
}

/** What each kind of change records in the audit entry. */
function changeDetails(change: InterviewChange, event: InterviewEventSnapshot, variables: unknown) {
  switch (change) {
    case "reschedule":
      return { startTime: event.startTime, endTime: event.endTime };
    case "add_interviewers": {
      // The AddInterviewers operation's variables: { input: { id, interviewers: [{ email }] } }.
      const input = (variables as { input?: { interviewers?: { email: string }[] } } | undefined)
        ?.input;
      return { added: input?.interviewers?.map((person) => person.email) ?? [] };
    }
    case "add_interviewee":
      return { intervieweeEmail: intervieweeEmailOf(event) };
    case "set_title":
      return { title: event.title };
    case "set_timezone":
      return { timezone: event.timezone };
  }
}

/**
 * Records one kind of change. An event Lobby did not schedule (no ledger row for this
 * employer) gets only the audit entry.
 */
export async function recordInterviewUpdated(
  tx: Transaction,
  actor: LedgerActor,
  change: InterviewChange,
  event: InterviewEventSnapshot,
  variables?: unknown,
): Promise<void> {
  await tx
    .update(interviews)
    .set({ ...ledgerState(event), updatedAt: new Date() })
    .where(
      and(eq(interviews.indeedEventId, event.id), eq(interviews.employerId, actor.employer.id)),
    );
  await audit(tx, actor, `interview.${change}`, event.id, changeDetails(change, event, variables));
  await queueMessageForChange(tx, actor, event, { kind: "changed", change });
}

/** Records a cancel, with the reason the user gave (kept in Lobby only). */
export async function recordInterviewCanceled(
  tx: Transaction,
  actor: LedgerActor,
  event: InterviewEventSnapshot,
  context: { reason?: string } = {},
): Promise<void> {
  const reason = context.reason?.trim() || null;
  await tx
    .update(interviews)
    .set({
      ...ledgerState(event),
      status: event.status ?? "CANCELED",
      cancelReason: reason,
      updatedAt: new Date(),
    })
    .where(
      and(eq(interviews.indeedEventId, event.id), eq(interviews.employerId, actor.employer.id)),
    );
  await audit(tx, actor, "interview.cancel", event.id, { reason });
  await queueMessageForChange(tx, actor, event, { kind: "canceled", reason });
}

/** The ledger as the operations' `onSuccess` hooks get it (`ctx.services.ledger`). */
export const interviewLedger = {
  recordInterviewCreated,
  recordInterviewUpdated,
  recordInterviewCanceled,
  refuseCreateWhilePending,
  recordCreateOutcomeUnknown,
  settleCreateAttempt,
  refuseChangeWhilePending,
  recordChangeOutcomeUnknown,
};
export type InterviewLedger = typeof interviewLedger;
