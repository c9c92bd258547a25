import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import { offsetDateTime } from "../rules";
import { InterviewEventFields } from "./interview-event-fields";

const timeRange = z
  .object({ after: offsetDateTime.optional(), before: offsetDateTime.optional() })
  .strict()
  .optional();

/** A page of the employer's interviews in a time range, sorted. */
export const findInterviews = defineOperation({
  name: "FindInterviews",
  kind: "query",
  document: graphql(
    `
      query FindInterviews($first: Int, $after: String, $input: FindVirtualInterviewEventsInput!) {
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
          }
        }
      }
    `,
    [InterviewEventFields],
  ),
  variables: z.object({
    first: z.number().int().min(1).max(100).optional(),
    // null is the first page, as the calendar's variables say it (and GraphQL's String allows).
    after: z.string().max(500).nullish(),
    input: z
      .object({
        startTime: timeRange,
        endTime: timeRange,
        sort: z
          .object({
            field: z.enum(["START_TIME", "END_TIME", "STATUS", "MEDIA_TYPE"]),
            direction: z.enum(["ASC", "DESC"]).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  }),
  // The guide shows no sort: without the extensions the page comes in Indeed's own order, and
  // the caller sorts the page it shows.
  prepare: ({ input: { sort, ...input }, ...paging }, env) => ({
    ...paging,
    input: env.schemaExtensions && sort ? { ...input, sort } : input,
  }),
});
