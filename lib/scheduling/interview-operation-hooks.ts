import "server-only";
import type {
  OperationContext,
  OperationHooks,
  OperationName,
} from "@/lib/indeed/operations/types";
import {
  cancelInterviewContextSchema,
  createInterviewContextSchema,
  type CancelInterviewContext,
  type CreateInterviewContext,
} from "./interview-schemas";
import type { InterviewEventSnapshot } from "./interview-event-snapshot";
import {
  recordInterviewCanceled,
  recordInterviewCreated,
  recordInterviewUpdated,
  type InterviewChange,
} from "./record-interview-change";

/**
 * The registry's `onSuccess` hooks for interview mutations: each writes the ledger and the
 * audit entry in the transaction the client opens after Indeed accepted the change.
 */

function actorOf({ session }: OperationContext) {
  return { userId: session.userId, employer: { id: session.employer.id } };
}

function requireEvent(
  event: InterviewEventSnapshot | null | undefined,
  operation: OperationName,
): InterviewEventSnapshot {
  if (!event?.id) throw new Error(`Indeed's ${operation} response has no event`);
  return event;
}

function updateHook<N extends OperationName>(
  change: InterviewChange,
  eventOf: (
    data: Parameters<NonNullable<OperationHooks<N>["onSuccess"]>>[2],
  ) => InterviewEventSnapshot | null | undefined,
  name: N,
): OperationHooks<N> {
  return {
    onSuccess: (ctx, variables, data) =>
      recordInterviewUpdated(
        ctx.tx,
        actorOf(ctx),
        change,
        requireEvent(eventOf(data), name),
        variables,
      ),
  };
}

export const interviewOperationHooks = {
  CreateInterview: {
    contextSchema: createInterviewContextSchema,
    onSuccess: (ctx, variables, data, context) =>
      recordInterviewCreated(
        ctx.tx,
        actorOf(ctx),
        requireEvent(data.createVirtualInterviewEvent?.event, "CreateInterview"),
        { applicationId: context?.applicationId, fallbackTimezone: variables.input.timezone },
      ),
  } satisfies OperationHooks<"CreateInterview", CreateInterviewContext>,
  RescheduleInterview: updateHook(
    "reschedule",
    (data) => data.updateVirtualInterviewEvent?.event,
    "RescheduleInterview",
  ),
  AddInterviewers: updateHook(
    "add_interviewers",
    (data) => data.updateVirtualInterviewEvent?.event,
    "AddInterviewers",
  ),
  AddInterviewee: updateHook(
    "add_interviewee",
    (data) => data.updateVirtualInterviewEvent?.event,
    "AddInterviewee",
  ),
  SetInterviewTitle: updateHook(
    "set_title",
    (data) => data.updateVirtualInterviewEvent?.event,
    "SetInterviewTitle",
  ),
  SetInterviewTimezone: updateHook(
    "set_timezone",
    (data) => data.updateVirtualInterviewEvent?.event,
    "SetInterviewTimezone",
  ),
  CancelInterview: {
    contextSchema: cancelInterviewContextSchema,
    onSuccess: (ctx, _variables, data, context) =>
      recordInterviewCanceled(
        ctx.tx,
        actorOf(ctx),
        requireEvent(data.cancelVirtualInterviewEvent?.event, "CancelInterview"),
        {
          reason: context?.reason,
        },
      ),
  } satisfies OperationHooks<"CancelInterview", CancelInterviewContext>,
};
