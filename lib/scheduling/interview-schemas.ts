import { z } from "zod";
import type { OperationVariables } from "./operations";
import { addInterviewee } from "./operations/add-interviewee";
import { addInterviewers } from "./operations/add-interviewers";
import { createInterview } from "./operations/create-interview";
import { rescheduleInterview } from "./operations/reschedule-interview";
import { setInterviewTimezone } from "./operations/set-interview-timezone";
import { setInterviewTitle } from "./operations/set-interview-title";
import {
  cancelReason,
  checkEventSpan,
  email,
  isTimeZone,
  MAX_INTERVIEWERS,
  TOO_MANY_INTERVIEWERS,
} from "./rules";
import { createFormFieldForPath } from "./create-form-fields";
import { resolveLocalTime } from "./time";

// Re-exported: the event dialogs and tests import them from here.
export { createFormFieldForPath, type CreateInterviewField } from "./create-form-fields";

/**
 * The interview forms' schemas. Each form resolves what people type (local times in a zone,
 * email chips) into the operation's variables and checks them with the very schema the route
 * checks them with (the operation's `variables`, lib/scheduling/operations/), so a value the
 * form accepts is a value the route accepts (ADR 0023). The forms add only checks about what
 * was typed. Client-safe: no server imports.
 */

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
  if (!values.date || !values.startTime || !values.endTime || !isTimeZone(zone)) return undefined;
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

/** Each typed address that is not an email, named with the rule's message. */
function reportInvalidEmails(emails: string[], report: (field: string, message: string) => void) {
  for (const address of emails) {
    const result = email.safeParse(address);
    if (!result.success) report("interviewers", `${address}: ${result.error.issues[0]?.message}`);
  }
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
      timezone: z.string(),
      interviewers: z.array(z.string()),
      intervieweeName: z.string(),
      intervieweeEmail: z.string(),
      languageCode: z.string(),
      countryCode: z.string(),
    })
    .superRefine((values, ctx) => {
      const report = issueCollector(ctx);
      const others = uniqueEmails(values.interviewers, options.selfEmail);
      reportInvalidEmails(others, report);
      const total = others.length + (options.selfEmail ? 1 : 0);
      if (total > MAX_INTERVIEWERS)
        report("interviewers", `${TOO_MANY_INTERVIEWERS}; remove ${total - MAX_INTERVIEWERS}.`);

      const name = values.intervieweeName.trim();
      const address = values.intervieweeEmail.trim();
      if (name && !address)
        report("intervieweeEmail", "Enter the interviewee's email, or clear their name.");
      const interviewers = [options.selfEmail ?? "", ...others].map((other) => other.toLowerCase());
      if (address && interviewers.includes(address.toLowerCase()))
        report("intervieweeEmail", "The interviewee cannot also be an interviewer.");

      // A span that did not resolve was reported at its field; the route's schema checks the rest.
      const span = resolveLocalSpan(values, values.timezone, report);
      const result = createInterview.variables.safeParse(
        toCreateInterviewVariables(values, span ?? { startTime: "", endTime: "" }, options),
      );
      if (result.success) return;
      for (const issue of result.error.issues) {
        const field = createFormFieldForPath(issue.path.join("."));
        if (span || (field !== "startTime" && field !== "endTime")) report(field, issue.message);
      }
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
    const result = rescheduleInterview.variables.safeParse(toRescheduleVariables(eventId, span));
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
  const existing = new Set(existingEmails.map((address) => address.toLowerCase()));
  return z.object({ interviewers: z.array(z.string()) }).superRefine((values, ctx) => {
    const report = issueCollector(ctx);
    const emails = uniqueEmails(values.interviewers);
    reportInvalidEmails(emails, report);
    const already = emails.filter((address) => existing.has(address.toLowerCase()));
    if (already.length > 0) report("interviewers", `Already invited: ${already.join(", ")}.`);
    if (existing.size + emails.length > MAX_INTERVIEWERS) {
      report(
        "interviewers",
        `An interview can have at most ${MAX_INTERVIEWERS} interviewers; this one has ${existing.size}, so add at most ${Math.max(0, MAX_INTERVIEWERS - existing.size)}.`,
      );
    }
    const result = addInterviewers.variables.safeParse({
      input: { id: eventId, interviewers: emails.map((address) => ({ email: address })) },
    });
    if (!result.success)
      report("interviewers", result.error.issues[0]?.message ?? "Check the addresses.");
  });
}

// The simple changes validate with their part of the route's own schema.
export const addIntervieweeFormSchema = addInterviewee.variables.shape.input.shape.interviewee;
export const setTitleFormSchema = setInterviewTitle.variables.shape.input.pick({ title: true });
export const setTimezoneFormSchema = setInterviewTimezone.variables.shape.input.pick({
  timezone: true,
});
/** The reason goes to the route's `context` (CancelInterview's contextSchema, same rule). */
export const cancelFormSchema = z.object({ reason: cancelReason });
