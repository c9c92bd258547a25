import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { eventId, offsetDateTime, refineEventSpan } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { pendingChangeHooks, recordUpdate } from "./record-in-ledger";

/** Moves an interview to a new start and end. */
export const rescheduleInterview = defineOperation({
  name: "RescheduleInterview",
  kind: "mutation",
  document: graphql(
    `
      mutation RescheduleInterview($input: RescheduleVirtualInterviewEventInput!) {
        updateVirtualInterviewEvent(input: { reschedule: $input }) {
          event {
            ...InterviewEventFields
          }
        }
      }
    `,
    [InterviewEventFields],
  ),
  variables: z.object({
    input: z
      .object({ id: eventId, startTime: offsetDateTime, endTime: offsetDateTime })
      .strict()
      .superRefine(refineEventSpan),
  }),
  onSuccess: recordUpdate("RescheduleInterview"),
  ...pendingChangeHooks("RescheduleInterview"),
});
