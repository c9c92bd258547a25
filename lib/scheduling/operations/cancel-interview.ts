import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { cancelReason, eventId } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { actorOf, pendingChangeHooks, requireEvent, type LedgerContext } from "./record-in-ledger";

/** The reason stays in Lobby's ledger; Indeed's cancel takes none. */
const cancelInterviewContext = z.object({ reason: cancelReason.optional() }).default({});

/** Cancels an interview for everyone; a canceled interview cannot be changed. */
export const cancelInterview = defineOperation({
  name: "CancelInterview",
  kind: "mutation",
  document: graphql(
    `
      mutation CancelInterview($input: CancelVirtualInterviewEventInput!) {
        cancelVirtualInterviewEvent(input: $input) {
          event {
            ...InterviewEventFields
          }
        }
      }
    `,
    [InterviewEventFields],
  ),
  variables: z.object({ input: z.object({ id: eventId }).strict() }),
  contextSchema: cancelInterviewContext,
  ...pendingChangeHooks("CancelInterview"),
  onSuccess: async (ctx: LedgerContext, _variables, data, context) =>
    ctx.services.ledger.recordInterviewCanceled(
      ctx.tx,
      actorOf(ctx),
      requireEvent(data.cancelVirtualInterviewEvent?.event, "CancelInterview"),
      { reason: context.reason },
    ),
});
