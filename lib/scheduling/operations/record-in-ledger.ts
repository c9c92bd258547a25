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

/** The hook of a change to an event (`updateVirtualInterviewEvent`). */
export function recordUpdate(change: InterviewChange, operation: string) {
  return async (
    ctx: LedgerContext,
    variables: unknown,
    data: { updateVirtualInterviewEvent?: { event?: InterviewEventSnapshot | null } | null },
  ) =>
    ctx.services.ledger.recordInterviewUpdated(
      ctx.tx,
      actorOf(ctx),
      change,
      requireEvent(data.updateVirtualInterviewEvent?.event, operation),
      variables,
    );
}
