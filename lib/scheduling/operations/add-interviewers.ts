import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { eventId, otherInterviewers } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { pendingChangeHooks, recordUpdate } from "./record-in-ledger";

/** Invites more interviewers; Indeed sends each an invitation. */
export const addInterviewers = defineOperation({
  name: "AddInterviewers",
  kind: "mutation",
  document: graphql(
    `
      mutation AddInterviewers($input: UpdateVirtualInterviewEventInterviewersInput!) {
        updateVirtualInterviewEvent(input: { addInterviewers: $input }) {
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
      .object({
        id: eventId,
        interviewers: otherInterviewers.min(1, "Add at least one interviewer."),
      })
      .strict(),
  }),
  onSuccess: recordUpdate("AddInterviewers"),
  ...pendingChangeHooks("AddInterviewers"),
});
