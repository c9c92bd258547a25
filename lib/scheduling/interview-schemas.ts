import { z } from "zod";
import { checkEventSpan, isValidTimeZone, parseOffsetIso, resolveLocalTime } from "./time";

/**
 * The rules for what Lobby sends to Indeed's Interview API, shared by the forms (zodResolver)
 * and the server (the operation registry parses the variables before calling Indeed). Free of
 * server imports on purpose: client components import this file.
 */

export const MAX_INTERVIEWERS = 49;
export const MAX_TITLE_LENGTH = 200;
export const MAX_CANCEL_REASON_LENGTH = 500;

export const titleSchema = z
  .string({ error: "Enter a title." })
  .trim()
  .min(1, "Enter a title.")
  .max(MAX_TITLE_LENGTH, `Keep the title to ${MAX_TITLE_LENGTH} characters or fewer.`);

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter the interviewee's name.")
  .max(200, "Keep the name to 200 characters or fewer.");

export const timeZoneSchema = z
  .string({ error: "Pick a time zone." })
  .min(1, "Pick a time zone.")
  .refine(isValidTimeZone, "Pick a time zone from the list.");

/** ISO 639-1: two lowercase letters, e.g. `fr`. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2}$/, "Pick a language from the list.");
/** ISO 3166-1 alpha-2: two capital letters, e.g. `CA`. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "Pick a country from the list.");

/** An instant as ISO-8601 with an offset, the only form Indeed takes. */
export const offsetDateTimeSchema = z
  .string()
  .refine((value) => parseOffsetIso(value) !== undefined, "Give a date and time with a UTC offset.");

export const eventIdSchema = z.string().trim().min(1, "An event id is needed.").max(512);

const interviewerInputSchema = z.object({ email: emailSchema });
const intervieweeInputSchema = z.object({ name: personNameSchema, email: emailSchema });

function refineSpan(value: { startTime: string; endTime: string }, ctx: z.RefinementCtx) {
  const start = parseOffsetIso(value.startTime);
  const end = parseOffsetIso(value.endTime);
  if (!start || !end) return;
  const problem = checkEventSpan(start, end);
  if (problem) ctx.addIssue({ code: "custom", path: ["endTime"], message: problem.message });
}

function refineUniqueEmails(emails: { email: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  emails.forEach(({ email }, index) => {
    const key = email.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index, "email"], message: `${email} is listed twice.` });
    seen.add(key);
  });
}

const interviewersSchema = z
  .array(interviewerInputSchema)
  .min(1, "Add at least one interviewer.")
  .max(MAX_INTERVIEWERS, `An interview can have at most ${MAX_INTERVIEWERS} interviewers, you included.`)
  .superRefine(refineUniqueEmails);

/** `CreateInterview` variables, before the route adds `requestMetadata`. */
export const createInterviewVariablesSchema = z.object({
  input: z
    .object({
      startTime: offsetDateTimeSchema,
      endTime: offsetDateTimeSchema,
      title: titleSchema,
      timezone: timeZoneSchema,
      interviewers: interviewersSchema,
      interviewee: intervieweeInputSchema.optional(),
      languageCode: languageCodeSchema.optional(),
      countryCode: countryCodeSchema.optional(),
    })
    .superRefine(refineSpan),
});
export type CreateInterviewVariables = z.infer<typeof createInterviewVariablesSchema>;

export const rescheduleInterviewVariablesSchema = z.object({
  input: z.object({
    reschedule: z
      .object({ id: eventIdSchema, startTime: offsetDateTimeSchema, endTime: offsetDateTimeSchema })
      .superRefine(refineSpan),
  }),
});
export type RescheduleInterviewVariables = z.infer<typeof rescheduleInterviewVariablesSchema>;

export const addInterviewersVariablesSchema = z.object({
  input: z.object({
    addInterviewers: z.object({
      id: eventIdSchema,
      interviewers: z
        .array(interviewerInputSchema)
        .min(1, "Add at least one interviewer.")
        .max(MAX_INTERVIEWERS - 1, `An interview can have at most ${MAX_INTERVIEWERS} interviewers.`)
        .superRefine(refineUniqueEmails),
    }),
  }),
});
export type AddInterviewersVariables = z.infer<typeof addInterviewersVariablesSchema>;

export const addIntervieweeVariablesSchema = z.object({
  input: z.object({ addInterviewee: z.object({ id: eventIdSchema, interviewee: intervieweeInputSchema }) }),
});
export type AddIntervieweeVariables = z.infer<typeof addIntervieweeVariablesSchema>;

export const setInterviewTitleVariablesSchema = z.object({
  input: z.object({ setTitle: z.object({ id: eventIdSchema, title: titleSchema }) }),
});
export type SetInterviewTitleVariables = z.infer<typeof setInterviewTitleVariablesSchema>;

export const setInterviewTimezoneVariablesSchema = z.object({
  input: z.object({ setTimezone: z.object({ id: eventIdSchema, timezone: timeZoneSchema }) }),
});
export type SetInterviewTimezoneVariables = z.infer<typeof setInterviewTimezoneVariablesSchema>;

export const cancelInterviewVariablesSchema = z.object({ input: z.object({ id: eventIdSchema }) });
export type CancelInterviewVariables = z.infer<typeof cancelInterviewVariablesSchema>;

/** What Lobby keeps alongside a create: the application the interview is for, if any. */
export const createInterviewContextSchema = z.object({ applicationId: z.uuid().optional() }).default({});
export type CreateInterviewContext = z.infer<typeof createInterviewContextSchema>;

/** A cancel's reason stays in Lobby's ledger; Indeed's cancel takes none. */
export const cancelInterviewContextSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .max(MAX_CANCEL_REASON_LENGTH, `Keep the reason to ${MAX_CANCEL_REASON_LENGTH} characters or fewer.`)
      .optional(),
  })
  .default({});
export type CancelInterviewContext = z.infer<typeof cancelInterviewContextSchema>;

/* ---------- Forms: what people type, turned into the variables above ---------- */

/** Local wall-clock fields of a start and an end, in one zone. */
export interface LocalSpanValues {
  date: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

/** Resolves local start and end in `zone` to offset ISO strings, adding issues at the field. */
export function resolveLocalSpan(
  values: LocalSpanValues,
  zone: string,
  ctx: z.RefinementCtx,
): { startTime: string; endTime: string } | undefined {
  if (!isValidTimeZone(zone)) return undefined;
  const start = resolveLocalTime(values.date, values.startTime, zone);
  if (!start.ok) ctx.addIssue({ code: "custom", path: [start.reason === "invalid_date" ? "date" : "startTime"], message: start.message });
  const end = resolveLocalTime(values.endDate || values.date, values.endTime, zone);
  if (!end.ok) ctx.addIssue({ code: "custom", path: [end.reason === "invalid_date" ? "endDate" : "endTime"], message: end.message });
  if (!start.ok || !end.ok) return undefined;
  return { startTime: start.iso, endTime: end.iso };
}

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date.");
const localTime = z.string().regex(/^\d{2}:\d{2}$/, "Enter a time.");

const spanFields = {
  date: localDate,
  startTime: localTime,
  endDate: localDate,
  endTime: localTime,
};

/** Adds the issues of a variables schema to the form fields they concern. */
function reportVariableIssues(
  result: { success: true } | { success: false; error: z.ZodError },
  ctx: z.RefinementCtx,
  fieldOf: (path: string) => string | undefined,
) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path.join("."));
    ctx.addIssue({ code: "custom", path: field ? [field] : [], message: issue.message });
  }
}

export interface CreateInterviewFormValues extends LocalSpanValues {
  title: string;
  timezone: string;
  /** The other interviewers; the signed-in user is added on submit. */
  interviewers: string[];
  intervieweeName: string;
  intervieweeEmail: string;
  languageCode: string;
  countryCode: string;
}

export type CreateInterviewField = keyof CreateInterviewFormValues;

/** Which create-form field a variable path (from zod or Indeed's `fieldErrors`) concerns. */
export function createFormFieldForPath(path: string): CreateInterviewField | undefined {
  const key = path.replace(/^input\./, "");
  if (key.startsWith("interviewers")) return "interviewers";
  if (key === "interviewee.name") return "intervieweeName";
  if (key.startsWith("interviewee")) return "intervieweeEmail";
  const direct: Record<string, CreateInterviewField> = {
    startTime: "startTime",
    endTime: "endTime",
    title: "title",
    timezone: "timezone",
    languageCode: "languageCode",
    countryCode: "countryCode",
  };
  return direct[key];
}

/** The interviewers to send: the user first, then the others, each email once (any case). */
export function interviewerEmails(selfEmail: string | null | undefined, others: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const email of [selfEmail ?? "", ...others].map((value) => value.trim())) {
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    result.push(email);
  }
  return result;
}

/** The create form's values as `CreateInterview` variables (times not yet checked). */
export function toCreateInterviewVariables(
  values: CreateInterviewFormValues,
  span: { startTime: string; endTime: string },
  selfEmail: string | null | undefined,
): CreateInterviewVariables {
  const name = values.intervieweeName.trim();
  const email = values.intervieweeEmail.trim();
  return {
    input: {
      ...span,
      title: values.title.trim(),
      timezone: values.timezone,
      interviewers: interviewerEmails(selfEmail, values.interviewers).map((address) => ({ email: address })),
      ...(name || email ? { interviewee: { name, email } } : {}),
      ...(values.languageCode ? { languageCode: values.languageCode } : {}),
      ...(values.countryCode ? { countryCode: values.countryCode } : {}),
    },
  };
}

/**
 * The create form's schema for a signed-in user. It resolves the local times in the chosen
 * zone, builds the variables, and checks them with `createInterviewVariablesSchema` itself, so
 * the form and the server enforce one rule set.
 */
export function createInterviewFormSchema(selfEmail: string | null | undefined) {
  return z
    .object({
      ...spanFields,
      title: z.string(),
      // Plain strings: the variables schema below checks each one, once.
      timezone: z.string(),
      interviewers: z.array(z.string()),
      intervieweeName: z.string(),
      intervieweeEmail: z.string(),
      languageCode: z.string(),
      countryCode: z.string(),
    })
    .superRefine((values, ctx) => {
      const hasInterviewee = values.intervieweeName.trim() !== "" || values.intervieweeEmail.trim() !== "";
      if (hasInterviewee && values.intervieweeEmail.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["intervieweeEmail"], message: "Enter the interviewee's email, or clear the name." });
      }
      const span = resolveLocalSpan(values, values.timezone, ctx) ?? {
        // Placeholders keep the other fields' checks running while a time is invalid.
        startTime: "2000-01-01T00:00:00+00:00",
        endTime: "2000-01-01T01:00:00+00:00",
      };
      const variables = toCreateInterviewVariables(values, span, selfEmail);
      const result = createInterviewVariablesSchema.safeParse(variables);
      if (result.success) return;
      for (const issue of result.error.issues) {
        const [, list, index] = issue.path;
        // Name the address an interviewer issue is about: the field holds a list of them.
        const email = list === "interviewers" && typeof index === "number" ? variables.input.interviewers[index]?.email : undefined;
        const field = createFormFieldForPath(issue.path.join("."));
        ctx.addIssue({ code: "custom", path: field ? [field] : [], message: email ? `${email}: ${issue.message}` : issue.message });
      }
    });
}

export type RescheduleFormValues = LocalSpanValues;

export function rescheduleFormSchema(eventId: string, zone: string) {
  return z.object(spanFields).superRefine((values, ctx) => {
    const span = resolveLocalSpan(values, zone, ctx);
    if (!span) return;
    reportVariableIssues(
      rescheduleInterviewVariablesSchema.safeParse({ input: { reschedule: { id: eventId, ...span } } }),
      ctx,
      (path) => (path.endsWith("startTime") ? "startTime" : path.endsWith("endTime") ? "endTime" : undefined),
    );
  });
}

/** Interviewers to add: valid, new to the event (any case), and the total at most 49. */
export function addInterviewersFormSchema(existingEmails: string[]) {
  const existing = new Set(existingEmails.map((email) => email.toLowerCase()));
  return z
    .object({ interviewers: z.array(z.string()) })
    .superRefine((values, ctx) => {
      if (values.interviewers.length === 0) {
        ctx.addIssue({ code: "custom", path: ["interviewers"], message: "Add at least one interviewer." });
        return;
      }
      const already = values.interviewers.filter((email) => existing.has(email.trim().toLowerCase()));
      if (already.length > 0) {
        ctx.addIssue({ code: "custom", path: ["interviewers"], message: `Already invited: ${already.join(", ")}.` });
      }
      if (existing.size + values.interviewers.length > MAX_INTERVIEWERS) {
        ctx.addIssue({
          code: "custom",
          path: ["interviewers"],
          message: `An interview can have at most ${MAX_INTERVIEWERS} interviewers; it has ${existing.size}, so add at most ${Math.max(0, MAX_INTERVIEWERS - existing.size)}.`,
        });
      }
      for (const email of values.interviewers) {
        const result = emailSchema.safeParse(email);
        if (!result.success) {
          ctx.addIssue({ code: "custom", path: ["interviewers"], message: `${email}: ${result.error.issues[0]?.message}` });
        }
      }
    });
}

export const addIntervieweeFormSchema = z.object({ name: personNameSchema, email: emailSchema });
export const setTitleFormSchema = z.object({ title: titleSchema });
export const setTimezoneFormSchema = z.object({ timezone: timeZoneSchema });
export const cancelFormSchema = z.object({
  reason: z.string().trim().max(MAX_CANCEL_REASON_LENGTH, `Keep the reason to ${MAX_CANCEL_REASON_LENGTH} characters or fewer.`),
});
