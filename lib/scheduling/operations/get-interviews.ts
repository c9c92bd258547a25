import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { eventId } from "../rules";
import { InterviewEventFields, IntervieweeRecordsFields } from "./interview-event-fields";

/** Interviews by id, with their recordings and each interviewer's decision. */
export const getInterviews = defineOperation({
  name: "GetInterviews",
  kind: "query",
  document: graphql(
    `
      query GetInterviews($ids: [ID!]!) {
        virtualInterviewEvents(input: { ids: $ids }) {
          events {
            ...InterviewEventFields
            intervieweesConnection {
              interviewees {
                name
                email
                intervieweeLobbyUrl
                ...IntervieweeRecordsFields
              }
            }
          }
        }
      }
    `,
    [InterviewEventFields, IntervieweeRecordsFields],
  ),
  variables: z.object({
    ids: z
      .array(eventId)
      .min(1, "Ask for at least one interview")
      .max(100, "Ask for at most 100 interviews"),
  }),
});
