import { z } from "zod";

/**
 * What the app's callers may send for each operation, checked before anything reaches Indeed.
 * Client-safe: forms can reuse these schemas. Paths of the errors are the variable paths
 * (`input.endTime`), the same keys the route's `fieldErrors` use.
 */

const MAX_EVENT_MS = 24 * 60 * 60 * 1000;
// ISO-8601 with seconds optional and an explicit offset, as Indeed wants it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export const dateTime = z
  .string()
  .max(40)
  .regex(DATE_TIME, "Enter a date and time with a UTC offset, e.g. 2030-01-15T14:30:00+00:00")
  .refine((value) => !Number.isNaN(Date.parse(value)), "Enter a valid date and time");

export function isTimeZone(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value))
    return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .refine(isTimeZone, "Choose a time zone such as America/New_York");
const email = z.string().trim().max(254).email("Enter a valid email address");
const eventId = z.string().trim().min(1, "An interview id is required").max(300);
const title = z
  .string()
  .trim()
  .min(1, "Enter a title")
  .max(255, "Keep the title under 255 characters");
const person = z.object({
  name: z.string().trim().min(1, "Enter the candidate's name").max(200),
  email,
});
const interviewers = z
  .array(z.object({ email }))
  .max(48, "An interview can have at most 49 interviewers, you included");

function checkTimes(
  value: { startTime: string; endTime: string },
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  const start = Date.parse(value.startTime);
  const end = Date.parse(value.endTime);
  if (Number.isNaN(start) || Number.isNaN(end)) return;
  if (end <= start)
    ctx.addIssue({ code: "custom", path: [...path, "endTime"], message: "End after the start" });
  else if (end - start > MAX_EVENT_MS) {
    ctx.addIssue({
      code: "custom",
      path: [...path, "endTime"],
      message: "An interview lasts at most 24 hours",
    });
  }
}

export const createInterviewVariables = z.object({
  input: z
    .object({
      startTime: dateTime,
      endTime: dateTime,
      title,
      timezone: timeZone,
      interviewers,
      interviewee: person.optional(),
      languageCode: z
        .string()
        .regex(/^[a-z]{2}$/i, "Use a two-letter language code, e.g. en")
        .optional(),
      countryCode: z
        .string()
        .regex(/^[a-z]{2}$/i, "Use a two-letter country code, e.g. US")
        .optional(),
      /** atsName and employerName are added by the server; callers may add the job. */
      requestMetadata: z
        .object({ jobId: z.string().max(200).optional(), jobTitle: z.string().max(255).optional() })
        .strict()
        .optional(),
    })
    .strict()
    .superRefine((value, ctx) => checkTimes(value, ctx, [])),
});

export const rescheduleInterviewVariables = z.object({
  input: z
    .object({ id: eventId, startTime: dateTime, endTime: dateTime })
    .strict()
    .superRefine((value, ctx) => checkTimes(value, ctx, [])),
});

export const addInterviewersVariables = z.object({
  input: z
    .object({ id: eventId, interviewers: interviewers.min(1, "Add at least one interviewer") })
    .strict(),
});

export const addIntervieweeVariables = z.object({
  input: z.object({ id: eventId, interviewee: person }).strict(),
});

export const setInterviewTitleVariables = z.object({
  input: z.object({ id: eventId, title }).strict(),
});

export const setInterviewTimezoneVariables = z.object({
  input: z.object({ id: eventId, timezone: timeZone }).strict(),
});

export const cancelInterviewVariables = z.object({
  input: z.object({ id: eventId }).strict(),
});

export const getInterviewsVariables = z.object({
  ids: z
    .array(eventId)
    .min(1, "Ask for at least one interview")
    .max(100, "Ask for at most 100 interviews"),
});

const timeRange = z
  .object({ after: dateTime.optional(), before: dateTime.optional() })
  .strict()
  .optional();

export const findInterviewsVariables = z.object({
  first: z.number().int().min(1).max(100).optional(),
  after: z.string().max(500).optional(),
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
});

export const operationVariables = {
  CreateInterview: createInterviewVariables,
  RescheduleInterview: rescheduleInterviewVariables,
  AddInterviewers: addInterviewersVariables,
  AddInterviewee: addIntervieweeVariables,
  SetInterviewTitle: setInterviewTitleVariables,
  SetInterviewTimezone: setInterviewTimezoneVariables,
  CancelInterview: cancelInterviewVariables,
  GetInterviews: getInterviewsVariables,
  FindInterviews: findInterviewsVariables,
} as const;
