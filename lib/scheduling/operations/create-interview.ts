import { z } from "zod";
import { graphql } from "@/lib/indeed/graphql";
import { defineOperation } from "@/lib/indeed/operation";
import {
  interviewee,
  offsetDateTime,
  otherInterviewers,
  refineEventSpan,
  timeZone,
  title,
  twoLetterCode,
} from "../rules";
import { InterviewEventFields } from "./interview-event-fields";
import { actorOf, requireEvent, type LedgerContext } from "./record-in-ledger";

/** What Lobby keeps beside a create: the application the interview is for, if any. */
const createInterviewContext = z.object({ applicationId: z.uuid().optional() }).default({});

/**
 * Schedules an interview. The server adds atsName and employerName to requestMetadata (Indeed's
 * terms want them), so no caller can forget or spoof them; callers may add the job.
 */
export const createInterview = defineOperation({
  name: "CreateInterview",
  kind: "mutation",
  document: graphql(
    `
      mutation CreateInterview($input: CreateVirtualInterviewEventInput!) {
        createVirtualInterviewEvent(input: $input) {
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
        startTime: offsetDateTime,
        endTime: offsetDateTime,
        title,
        timezone: timeZone,
        interviewers: otherInterviewers,
        interviewee: interviewee.optional(),
        languageCode: twoLetterCode("language", "en").optional(),
        countryCode: twoLetterCode("country", "US").optional(),
        requestMetadata: z
          .object({
            jobId: z.string().max(200).optional(),
            jobTitle: z.string().max(255).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .superRefine(refineEventSpan),
  }),
  prepare: (variables, env) => ({
    input: {
      ...variables.input,
      requestMetadata: {
        // The job is the sandbox's extension: the guide's requestMetadata has no job fields.
        ...(env.schemaExtensions ? variables.input.requestMetadata : {}),
        atsName: env.atsName,
        employerName: env.session.employer.name,
      },
    },
  }),
  contextSchema: createInterviewContext,
  onSuccess: async (ctx: LedgerContext, variables, data, context) =>
    ctx.services.ledger.recordInterviewCreated(
      ctx.tx,
      actorOf(ctx),
      requireEvent(data.createVirtualInterviewEvent?.event, "CreateInterview"),
      { applicationId: context.applicationId, fallbackTimezone: variables.input.timezone },
    ),
});
