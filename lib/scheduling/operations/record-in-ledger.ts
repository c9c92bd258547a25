import type { OperationContext } from "@/lib/indeed/operation";
import type { InterviewEventSnapshot } from "../interview-event-snapshot";
import type { InterviewChange, InterviewLedger } from "../record-interview-change";

/**
 * The interview operations' `onSuccess` hooks: each writes the ledger row and the audit entry
 * in the transaction the client opens after Indeed accepted the change. The ledger itself is
 * server code, reached through `ctx.services` so that operation files stay client-safe.
 */

export type LedgerContext = OperationContext<{ ledger: InterviewLedger }>;

export function actorOf({ session }: LedgerContext) {
  return { userId: session.userId, employer: { id: session.employer.id } };
}

export function requireEvent(
  event: InterviewEventSnapshot | null | undefined,
  operation: string,
): InterviewEventSnapshot {
  if (!event?.id) throw new Error(`Indeed's ${operation} response has no event`);
  return event;
}

/** The change each `updateVirtualInterviewEvent` operation makes, as the ledger audits it. */
export const CHANGE_OF_OPERATION = {
  RescheduleInterview: "reschedule",
  AddInterviewers: "add_interviewers",
  AddInterviewee: "add_interviewee",
  SetInterviewTitle: "set_title",
  SetInterviewTimezone: "set_timezone",
} as const satisfies Record<string, InterviewChange>;

export type UpdateOperationName = keyof typeof CHANGE_OF_OPERATION;
/** Every operation that changes an existing event. */
export type ChangeOperationName = UpdateOperationName | "CancelInterview";

/** The hook of a change to an event (`updateVirtualInterviewEvent`). */
export function recordUpdate(operation: UpdateOperationName) {
  return async (
    ctx: LedgerContext,
    variables: unknown,
    data: { updateVirtualInterviewEvent?: { event?: InterviewEventSnapshot | null } | null },
  ) =>
    ctx.services.ledger.recordInterviewUpdated(
      ctx.tx,
      actorOf(ctx),
      CHANGE_OF_OPERATION[operation],
      requireEvent(data.updateVirtualInterviewEvent?.event, operation),
      variables,
    );
}

/**
 * A change's hooks for an outcome Indeed left unknown (issue 13): no change of an event goes
 * out while an earlier one is being checked, and a change Indeed may have applied is kept as a
 * pending confirmation (what was sent, the event, the user, the context) and answered
 * OUTCOME_UNKNOWN, for lib/scheduling/reconcile-pending.ts to look up.
 */
export function pendingChangeHooks(operation: ChangeOperationName) {
  return {
    beforeSend: async (ctx: LedgerContext, variables: { input: { id: string } }) =>
      ctx.services.ledger.refuseChangeWhilePending(ctx.tx, actorOf(ctx), variables.input.id),
    onOutcomeUnknown: async (
      ctx: LedgerContext,
      variables: { input: { id: string } },
      sent: unknown,
      context: unknown,
    ) =>
      ctx.services.ledger.recordChangeOutcomeUnknown(
        ctx.tx,
        actorOf(ctx),
        { operationName: operation, eventId: variables.input.id, context },
        sent,
      ),
  };
}
