import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { eventId, title } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { pendingChangeHooks, recordUpdate } from "./record-in-ledger";

/** Renames an interview. */
export const setInterviewTitle = defineOperation({
  name: "SetInterviewTitle",
  kind: "mutation",
  document: graphql(
    `
      mutation SetInterviewTitle($input: UpdateVirtualInterviewEventTitleInput!) {
        updateVirtualInterviewEvent(input: { setTitle: $input }) {
          event {
            ...InterviewEventFields
          }
        }
      }
    `,
    [InterviewEventFields],
  ),
  variables: z.object({ input: z.object({ id: eventId, title }).strict() }),
  onSuccess: recordUpdate("SetInterviewTitle"),
  ...pendingChangeHooks("SetInterviewTitle"),
});
