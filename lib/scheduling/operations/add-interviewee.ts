import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { eventId, interviewee } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { pendingChangeHooks, recordUpdate } from "./record-in-ledger";

/** Adds the candidate to an interview that has none (Indeed allows one, never replaced). */
export const addInterviewee = defineOperation({
  name: "AddInterviewee",
  kind: "mutation",
  document: graphql(
    `
      mutation AddInterviewee($input: AddVirtualInterviewEventIntervieweeInput!) {
        updateVirtualInterviewEvent(input: { addInterviewee: $input }) {
          event {
            ...InterviewEventFields
          }
        }
      }
    `,
    [InterviewEventFields],
  ),
  variables: z.object({ input: z.object({ id: eventId, interviewee }).strict() }),
  onSuccess: recordUpdate("AddInterviewee"),
  ...pendingChangeHooks("AddInterviewee"),
});
