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

/**
 * What Lobby keeps beside a create: the application the interview is for, if any, and the
 * form's attempt id, under which a create Indeed did not confirm is checked (issue 13).
 */
const createInterviewContext = z
  .object({ applicationId: z.uuid().optional(), attemptId: z.uuid().optional() })
  .strict()
  .default({});

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
  beforeSend: async (ctx: LedgerContext, variables, context) =>
    ctx.services.ledger.refuseCreateWhilePending(ctx.tx, actorOf(ctx), {
      ...context,
      intervieweeEmail: variables.input.interviewee?.email,
    }),
  onOutcomeUnknown: async (ctx: LedgerContext, variables, sent, context) =>
    ctx.services.ledger.recordCreateOutcomeUnknown(
      ctx.tx,
      actorOf(ctx),
      { ...context, intervieweeEmail: variables.input.interviewee?.email },
      sent,
    ),
  onSuccess: async (ctx: LedgerContext, variables, data, context) => {
    const event = requireEvent(data.createVirtualInterviewEvent?.event, "CreateInterview");
    await ctx.services.ledger.recordInterviewCreated(ctx.tx, actorOf(ctx), event, {
      applicationId: context.applicationId,
      fallbackTimezone: variables.input.timezone,
    });
    await ctx.services.ledger.settleCreateAttempt(
      ctx.tx,
      actorOf(ctx),
      context.attemptId,
      event.id,
    );
  },
});
