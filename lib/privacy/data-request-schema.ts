import { z } from "zod";

/**
 * A job seeker's data request as the employer records it (`/privacy/requests`): one schema for
 * the form and the server action, and the 30-day deadline both show. Client-safe.
 */

export const DATA_REQUEST_DAYS = 30;

export const DATA_REQUEST_KIND_LABELS = {
  access: "Access (a copy of their data)",
  erasure: "Erasure (delete their data)",
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC, `YYYY-MM-DD`: the deadlines are whole days. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `2026-02-30` parses (as March 2nd): a real date reads back the same. */
function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && utcDate(parsed) === value;
}

/** The date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return utcDate(next);
}

/** When a request received on `receivedOn` must be answered. */
export function dueOn(receivedOn: string): string {
  return addDays(receivedOn, DATA_REQUEST_DAYS);
}

export type DataRequestState =
  | { status: "fulfilled" }
  | { status: "open"; daysLeft: number }
  | { status: "overdue"; daysLate: number };

/** Where a request stands on `today`: due on its due date, overdue from the day after. */
export function dataRequestState(
  request: { dueOn: string; fulfilledAt: Date | string | null },
  today: string,
): DataRequestState {
  if (request.fulfilledAt) return { status: "fulfilled" };
  const days = Math.round(
    (Date.parse(`${request.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  return days < 0 ? { status: "overdue", daysLate: -days } : { status: "open", daysLeft: days };
}

/** Addresses are matched without regard to case, so they are kept lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const dataRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the job seeker's email address")
    .max(254, "Use 254 characters or fewer")
    .pipe(z.email("Enter an email address, like name@example.com"))
    .transform(normaliseEmail),
  kind: z.enum(["access", "erasure"], "Choose access or erasure"),
  receivedOn: z
    .string()
    .regex(isoDate, "Enter the date the request was received")
    .refine(isRealDate, "Enter a real date")
    // A day of slack for a request received where the date is already tomorrow in UTC.
    .refine((value) => value <= addDays(utcDate(new Date()), 1), "The date cannot be in the future")
    .refine((value) => value >= "2000-01-01", "Enter a date after 2000"),
});

export type DataRequestInput = z.input<typeof dataRequestSchema>;
export type DataRequestValues = z.output<typeof dataRequestSchema>;

/** A request's id in a URL. */
export const dataRequestIdSchema = z.uuid();
