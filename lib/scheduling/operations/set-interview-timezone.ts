import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { eventId, timeZone } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { pendingChangeHooks, recordUpdate } from "./record-in-ledger";

/** Changes the zone an interview is shown in; the moment stays (ADR 0021). */
export const setInterviewTimezone = defineOperation({
  name: "SetInterviewTimezone",
  kind: "mutation",
  document: graphql(
    `
      mutation SetInterviewTimezone($input: UpdateVirtualInterviewEventTimezoneInput!) {
        updateVirtualInterviewEvent(input: { setTimezone: $input }) {
          event {
            ...InterviewEventFields
          }
        }
      }
    `,
    [InterviewEventFields],
  ),
  variables: z.object({ input: z.object({ id: eventId, timezone: timeZone }).strict() }),
  onSuccess: recordUpdate("SetInterviewTimezone"),
  ...pendingChangeHooks("SetInterviewTimezone"),
});
