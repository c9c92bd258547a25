import { z } from "zod";
import { operationVariables } from "@/lib/indeed/operations/variables";
import type { OperationVariables } from "@/lib/indeed/operations/types";
import { checkEventSpan, isValidTimeZone, resolveLocalTime } from "./time";

/**
 * The interview forms' schemas. Each form resolves what people type (local times in a zone,
 * email chips) into the operation's variables and checks them with the very schema the server
 * checks them with (`operationVariables` in lib/indeed/operations/variables.ts), so a value
 * the form accepts is a value the route accepts. Client-safe: no server imports.
 */

export const MAX_INTERVIEWERS = 49;
export const MAX_CANCEL_REASON_LENGTH = 500;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** What Lobby keeps alongside a create: the application the interview is for, if any. */
export const createInterviewContextSchema = z
  .object({ applicationId: z.uuid().optional() })
  .default({});
export type CreateInterviewContext = z.infer<typeof createInterviewContextSchema>;

/** A cancel's reason stays in Lobby's ledger; Indeed's cancel takes none. */
export const cancelInterviewContextSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .max(
        MAX_CANCEL_REASON_LENGTH,
        `Keep the reason to ${MAX_CANCEL_REASON_LENGTH} characters or fewer.`,
      )
      .optional(),
  })
  .default({});
export type CancelInterviewContext = z.infer<typeof cancelInterviewContextSchema>;

/** Local wall-clock fields of a start and an end, in one zone. */
export interface LocalSpanValues {
  date: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

const spanFields = {
  date: z.string().min(1, "Enter a date."),
  startTime: z.string().min(1, "Enter a start time."),
  endDate: z.string(),
  endTime: z.string().min(1, "Enter an end time."),
};

/**
 * Adds issues so that each field shows one message, the first found: the form's own checks
 * (clearer, about what was typed) run before the shared schema's.
 */
function issueCollector(ctx: z.RefinementCtx) {
  const reported = new Set<string>();
  return (field: string | undefined, message: string) => {
    // An issue no field owns goes to `root`, which the forms show above the buttons.
    const key = field ?? "root";
    if (reported.has(key)) return;
    reported.add(key);
    ctx.addIssue({ code: "custom", path: [key], message });
  };
}

/** Resolves local start and end in `zone` to offset ISO strings, reporting problems at their field. */
function resolveLocalSpan(
  values: LocalSpanValues,
  zone: string,
  report: (field: string, message: string) => void,
): { startTime: string; endTime: string } | undefined {
  if (!values.date || !values.startTime || !values.endTime || !isValidTimeZone(zone))
    return undefined;
  const start = resolveLocalTime(values.date, values.startTime, zone);
  if (!start.ok) report(start.reason === "invalid_date" ? "date" : "startTime", start.message);
  const end = resolveLocalTime(values.endDate || values.date, values.endTime, zone);
  if (!end.ok) report(end.reason === "invalid_date" ? "endDate" : "endTime", end.message);
  if (!start.ok || !end.ok) return undefined;
  const problem = checkEventSpan(start.instant, end.instant);
  if (problem) report("endTime", problem.message);
  return { startTime: start.iso, endTime: end.iso };
}

/* ---------------------------------- Create ---------------------------------- */

export interface CreateInterviewFormValues extends LocalSpanValues {
  title: string;
  timezone: string;
  /** The other interviewers; Indeed adds the signed-in user itself. */
  interviewers: string[];
  intervieweeName: string;
  intervieweeEmail: string;
  languageCode: string;
  countryCode: string;
}

export type CreateInterviewField = keyof CreateInterviewFormValues;

/** Which create-form field a variable path (from zod or the route's `fieldErrors`) concerns. */
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

/** Each address once (any case), the first spelling kept, blanks and `exclude` dropped. */
export function uniqueEmails(
  emails: string[],
  exclude: string | null | undefined = undefined,
): string[] {
  const seen = new Set<string>(exclude ? [exclude.trim().toLowerCase()] : []);
  const result: string[] = [];
  for (const email of emails.map((value) => value.trim())) {
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    result.push(email);
  }
  return result;
}

export interface CreateInterviewFormOptions {
  /** The signed-in user: Indeed adds them, so they count but are not sent. */
  selfEmail?: string | null;
  job?: { externalId?: string; title?: string };
}

/** The create form's values as `CreateInterview` variables. */
export function toCreateInterviewVariables(
  values: CreateInterviewFormValues,
  span: { startTime: string; endTime: string },
  { selfEmail, job }: CreateInterviewFormOptions = {},
): OperationVariables<"CreateInterview"> {
  const name = values.intervieweeName.trim();
  const email = values.intervieweeEmail.trim();
  const requestMetadata = {
    ...(job?.externalId ? { jobId: job.externalId } : {}),
    ...(job?.title ? { jobTitle: job.title } : {}),
  };
  return {
    input: {
      ...span,
      title: values.title.trim(),
      timezone: values.timezone,
      interviewers: uniqueEmails(values.interviewers, selfEmail).map((address) => ({
        email: address,
      })),
      ...(name || email ? { interviewee: { name, email } } : {}),
      ...(values.languageCode ? { languageCode: values.languageCode } : {}),
      ...(values.countryCode ? { countryCode: values.countryCode } : {}),
      ...(Object.keys(requestMetadata).length > 0 ? { requestMetadata } : {}),
    },
  };
}

/**
 * The create form's schema: the form's own checks (what was typed), then the variables built
 * from it checked with the route's `CreateInterview` schema, issues mapped back to fields.
 */
export function createInterviewFormSchema(options: CreateInterviewFormOptions = {}) {
  return z
    .object({
      ...spanFields,
      title: z.string(),
      timezone: z.string().min(1, "Pick a time zone."),
      interviewers: z.array(z.string()),
      intervieweeName: z.string(),
      intervieweeEmail: z.string(),
      languageCode: z.string(),
      countryCode: z.string(),
    })
    .superRefine((values, ctx) => {
      const report = issueCollector(ctx);
      if (values.title.trim() === "") report("title", "Enter a title.");
      if (!isValidTimeZone(values.timezone)) report("timezone", "Pick a time zone from the list.");

      const others = uniqueEmails(values.interviewers, options.selfEmail);
      for (const email of others) {
        const result = emailSchema.safeParse(email);
        if (!result.success) report("interviewers", `${email}: ${result.error.issues[0]?.message}`);
      }
      const total = others.length + (options.selfEmail ? 1 : 0);
      if (total > MAX_INTERVIEWERS) {
        report(
          "interviewers",
          `An interview can have at most ${MAX_INTERVIEWERS} interviewers, you included; remove ${total - MAX_INTERVIEWERS}.`,
        );
      }

      const name = values.intervieweeName.trim();
      const email = values.intervieweeEmail.trim();
      if (name && !email)
        report("intervieweeEmail", "Enter the interviewee's email, or clear their name.");
      if (email && !name) report("intervieweeName", "Enter the interviewee's name.");
      if (email) {
        const result = emailSchema.safeParse(email);
        if (!result.success)
          report(
            "intervieweeEmail",
            result.error.issues[0]?.message ?? "Enter a valid email address.",
          );
        const interviewers = [options.selfEmail ?? "", ...others].map((address) =>
          address.toLowerCase(),
        );
        if (interviewers.includes(email.toLowerCase())) {
          report("intervieweeEmail", "The interviewee cannot also be an interviewer.");
        }
      }

      const span = resolveLocalSpan(values, values.timezone, report);
      if (!span) return;
      const result = operationVariables.CreateInterview.safeParse(
        toCreateInterviewVariables(values, span, options),
      );
      if (result.success) return;
      for (const issue of result.error.issues)
        report(createFormFieldForPath(issue.path.join(".")), issue.message);
    });
}

/* ------------------------------ Changes to an event ------------------------------ */

export type RescheduleFormValues = LocalSpanValues;

export function toRescheduleVariables(
  eventId: string,
  span: { startTime: string; endTime: string },
) {
  return { input: { id: eventId, ...span } } satisfies OperationVariables<"RescheduleInterview">;
}

/** Reschedule: local times in the event's own zone. */
export function rescheduleFormSchema(eventId: string, zone: string) {
  return z.object(spanFields).superRefine((values, ctx) => {
    const report = issueCollector(ctx);
    const span = resolveLocalSpan(values, zone, report);
    if (!span) return;
    const result = operationVariables.RescheduleInterview.safeParse(
      toRescheduleVariables(eventId, span),
    );
    if (result.success) return;
    for (const issue of result.error.issues) {
      const last = issue.path.at(-1);
      report(last === "startTime" || last === "endTime" ? last : undefined, issue.message);
    }
  });
}

/** Resolves a reschedule form's values (already validated) to the variables to send. */
export function rescheduleVariablesFrom(
  eventId: string,
  zone: string,
  values: RescheduleFormValues,
) {
  const span = resolveLocalSpan(values, zone, () => undefined);
  if (!span) throw new Error("The reschedule form's values did not resolve; validate them first");
  return toRescheduleVariables(eventId, span);
}

/** Resolves a create form's values (already validated) to the variables to send. */
export function createVariablesFrom(
  values: CreateInterviewFormValues,
  options: CreateInterviewFormOptions = {},
) {
  const span = resolveLocalSpan(values, values.timezone, () => undefined);
  if (!span) throw new Error("The create form's values did not resolve; validate them first");
  return toCreateInterviewVariables(values, span, options);
}

/** Interviewers to add: valid, new to the event (any case), and the total at most 49. */
export function addInterviewersFormSchema(eventId: string, existingEmails: string[]) {
  const existing = new Set(existingEmails.map((email) => email.toLowerCase()));
  return z.object({ interviewers: z.array(z.string()) }).superRefine((values, ctx) => {
    const report = issueCollector(ctx);
    const emails = uniqueEmails(values.interviewers);
    if (emails.length === 0) report("interviewers", "Add at least one interviewer.");
    for (const email of emails) {
      const result = emailSchema.safeParse(email);
      if (!result.success) report("interviewers", `${email}: ${result.error.issues[0]?.message}`);
    }
    const already = emails.filter((email) => existing.has(email.toLowerCase()));
    if (already.length > 0) report("interviewers", `Already invited: ${already.join(", ")}.`);
    if (existing.size + emails.length > MAX_INTERVIEWERS) {
      report(
        "interviewers",
        `An interview can have at most ${MAX_INTERVIEWERS} interviewers; this one has ${existing.size}, so add at most ${Math.max(0, MAX_INTERVIEWERS - existing.size)}.`,
      );
    }
    const result = operationVariables.AddInterviewers.safeParse({
      input: { id: eventId, interviewers: emails.map((email) => ({ email })) },
    });
    if (!result.success)
      report("interviewers", result.error.issues[0]?.message ?? "Check the addresses.");
  });
}

export const addIntervieweeFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the interviewee's name.")
    .max(200, "Keep the name to 200 characters or fewer."),
  email: emailSchema,
});

export const setTitleFormSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Enter a title.")
    .max(255, "Keep the title to 255 characters or fewer."),
});

export const setTimezoneFormSchema = z.object({
  timezone: z
    .string()
    .min(1, "Pick a time zone.")
    .refine(isValidTimeZone, "Pick a time zone from the list."),
});

export const cancelFormSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(
      MAX_CANCEL_REASON_LENGTH,
      `Keep the reason to ${MAX_CANCEL_REASON_LENGTH} characters or fewer.`,
    ),
});
