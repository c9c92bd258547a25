import { z } from "zod";
import { isTimeZone } from "./is-time-zone";
// ISO-8601 with seconds optional and an explicit offset, as Indeed wants it.
import { OFFSET_DATE_TIME } from "./offset-date-time";

/**
 * Indeed's rules for an interview, each stated once with the words people see. The operations'
 * variables schemas (what the route accepts) are built from these fields, and the forms
 * validate with those very schemas (ADR 0023), so a rule changes here and nowhere else.
 * Client-safe: no server imports.
 */

/** Interviewers an event may have, the signed-in user included (Indeed adds them itself). */
export const MAX_INTERVIEWERS = 49;
export const MAX_EVENT_HOURS = 24;
export const MAX_TITLE_LENGTH = 255;
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
/** A cancel's reason stays in Lobby's ledger; Indeed's cancel takes none. */
export const MAX_CANCEL_REASON_LENGTH = 500;

export const TOO_MANY_INTERVIEWERS = `An interview can have at most ${MAX_INTERVIEWERS} interviewers, you included`;
export const EVENT_TOO_LONG = `An interview can last at most ${MAX_EVENT_HOURS} hours.`;
export const END_NOT_AFTER_START = "The end must be after the start.";
export const PICK_A_TIME_ZONE = "Pick a time zone from the list.";
// Kept in its own module so that code formatting times need not load zod with these rules.
export { isTimeZone };

export const INTERVIEWEE_IS_FIXED = "This interview already has a candidate; it cannot be changed.";

export type EventSpanProblem = { reason: "end_not_after_start" | "too_long"; message: string };

/** The end after the start, and at most 24 hours later. */
export function checkEventSpan(start: Date, end: Date): EventSpanProblem | undefined {
  const ms = end.getTime() - start.getTime();
  if (ms <= 0) return { reason: "end_not_after_start", message: END_NOT_AFTER_START };
  if (ms > MAX_EVENT_HOURS * 3_600_000) return { reason: "too_long", message: EVENT_TOO_LONG };
  return undefined;
}

/* ------------------ Fields of the operations' variables schemas ------------------ */

export const offsetDateTime = z
  .string()
  .max(40)
  .regex(
    OFFSET_DATE_TIME,
    "Enter a date and time with a UTC offset, e.g. 2030-01-15T14:30:00+00:00",
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), "Enter a valid date and time");

/** A span's problem, reported at `endTime` of the object refined. */
export function refineEventSpan(
  value: { startTime: string; endTime: string },
  ctx: z.RefinementCtx,
): void {
  const start = new Date(value.startTime);
  const end = new Date(value.endTime);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return;
  const problem = checkEventSpan(start, end);
  if (problem) ctx.addIssue({ code: "custom", path: ["endTime"], message: problem.message });
}

export const timeZone = z.string().min(1, "Pick a time zone.").refine(isTimeZone, PICK_A_TIME_ZONE);

export const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(MAX_EMAIL_LENGTH, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const eventId = z.string().trim().min(1, "An interview id is required").max(300);

export const title = z
  .string()
  .trim()
  .min(1, "Enter a title.")
  .max(MAX_TITLE_LENGTH, `Keep the title to ${MAX_TITLE_LENGTH} characters or fewer.`);

export const interviewee = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the interviewee's name.")
    .max(MAX_NAME_LENGTH, `Keep the name to ${MAX_NAME_LENGTH} characters or fewer.`),
  email,
});

/** The other interviewers: the signed-in user is never sent, so one fewer than the limit. */
export const otherInterviewers = z
  .array(z.object({ email }))
  .max(MAX_INTERVIEWERS - 1, TOO_MANY_INTERVIEWERS);

/** An ISO language (`en`) or country (`US`) code. */
export function twoLetterCode(kind: "language" | "country", example: string) {
  return z.string().regex(/^[a-z]{2}$/i, `Use a two-letter ${kind} code, e.g. ${example}`);
}

export const cancelReason = z
  .string()
  .trim()
  .max(
    MAX_CANCEL_REASON_LENGTH,
    `Keep the reason to ${MAX_CANCEL_REASON_LENGTH} characters or fewer.`,
  );
