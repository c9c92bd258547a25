import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { findInterviews } from "./find-interviews";
import { InterviewEventFields, IntervieweeRecordsFields } from "./interview-event-fields";

/**
 * A page of past interviews for the review queue: the calendar's search (same variables, same
 * sort handling), with each session's recording and the interviewers' decisions.
 */
export const findReviews = defineOperation({
  name: "FindReviews",
  kind: "query",
  document: graphql(
    `
      query FindReviews($first: Int, $after: String, $input: FindVirtualInterviewEventsInput!) {
        findVirtualInterviewEvents(first: $first, after: $after, input: $input) {
          totalCount
          pageInfo {
            startCursor
            endCursor
            hasNextPage
            hasPreviousPage
          }
          events {
            ...InterviewEventFields
            intervieweesConnection {
              interviewees {
                name
                email
                ...IntervieweeRecordsFields
              }
            }
          }
        }
      }
    `,
    [InterviewEventFields, IntervieweeRecordsFields],
  ),
  variables: findInterviews.variables,
  prepare: findInterviews.prepare,
});
