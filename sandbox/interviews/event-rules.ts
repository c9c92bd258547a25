import { badInput } from "./api-error";
import {
  MAX_EVENT_DURATION_MS,
  MAX_INTERVIEWERS,
  type RequestMetadata,
  type StoredEvent,
} from "./event-model";
import {
  LIMITS,
  optionalCountryCode,
  optionalLanguageCode,
  optionalText,
  requireEmail,
  requireText,
  requireTimeZone,
} from "./input-rules";

/**
 * The guide's rules for what a caller may send about an event, as pure functions: each returns
 * the cleaned value or throws BAD_USER_INPUT. Whether the event exists, is the caller's or is
 * still changeable is state, and lives in event-transitions.ts.
 */

/** Scheduling a start this far in the past is still accepted (clock skew between systems). */
const PAST_START_GRACE_MS = 60_000;

export interface IntervieweeInput {
  name: string;
  email: string;
}

export interface CreateEventInput {
  startTime: number;
  endTime: number;
  title: string;
  timezone: string;
  interviewers: { email: string }[];
  interviewee?: IntervieweeInput | null;
  requestMetadata: {
    atsName: string;
    employerName?: string | null;
    jobId?: string | null;
    jobTitle?: string | null;
  };
  languageCode?: string | null;
  countryCode?: string | null;
}

export interface UpdateEventInput {
  reschedule?: { id: string; startTime: number; endTime: number } | null;
  addInterviewers?: { id: string; interviewers: { email: string }[] } | null;
  addInterviewee?: { id: string; interviewee: IntervieweeInput } | null;
  setTitle?: { id: string; title: string } | null;
  setTimezone?: { id: string; timezone: string } | null;
}

export type UpdateKind = keyof UpdateEventInput;
const UPDATE_KINDS: readonly UpdateKind[] = [
  "reschedule",
  "addInterviewers",
  "addInterviewee",
  "setTitle",
  "setTimezone",
];

/** A new event's fields, checked and normalised. */
export interface NewEventFields {
  title: string;
  timezone: string;
  /** The scheduler first. */
  interviewers: string[];
  interviewee: IntervieweeInput | null;
  requestMetadata: RequestMetadata;
  languageCode: string | null;
  countryCode: string | null;
}

/** Checks a create input in the order the API reports problems: times first. */
export function checkNewEvent(
  input: CreateEventInput,
  schedulerEmail: string,
  now: number,
  allowPast: boolean,
): NewEventFields {
  checkEventTimes(input.startTime, input.endTime, now, allowPast);
  const title = requireText(input.title, "title", LIMITS.title);
  const timezone = requireTimeZone(input.timezone, "timezone");
  const interviewers = mergeInterviewers([schedulerEmail], input.interviewers);
  const metadata = input.requestMetadata;
  const requestMetadata = {
    atsName: requireText(metadata.atsName, "requestMetadata.atsName", LIMITS.atsName),
    employerName: optionalText(
      metadata.employerName,
      "requestMetadata.employerName",
      LIMITS.employerName,
    ),
    jobId: optionalText(metadata.jobId, "requestMetadata.jobId", LIMITS.jobId),
    jobTitle: optionalText(metadata.jobTitle, "requestMetadata.jobTitle", LIMITS.jobTitle),
  };
  const languageCode = optionalLanguageCode(input.languageCode);
  const countryCode = optionalCountryCode(input.countryCode);
  const interviewee = input.interviewee ? checkInterviewee(input.interviewee, interviewers) : null;
  return {
    title,
    timezone,
    interviewers,
    interviewee,
    requestMetadata,
    languageCode,
    countryCode,
  };
}

export function checkEventTimes(
  startMs: number,
  endMs: number,
  now: number,
  allowPast: boolean,
): void {
  if (endMs <= startMs) throw badInput("endTime must be after startTime.");
  if (endMs - startMs > MAX_EVENT_DURATION_MS) {
    throw badInput("An event can last at most 24 hours.");
  }
  if (!allowPast && startMs < now - PAST_START_GRACE_MS)
    throw badInput("startTime must not be in the past.");
}

/** The one change an update asks for; the API refuses none or several at once. */
export function chosenUpdate(input: UpdateEventInput): UpdateKind {
  const chosen = UPDATE_KINDS.filter((key) => input[key] !== null && input[key] !== undefined);
  if (chosen.length !== 1) {
    throw badInput(
      `Set exactly one of reschedule, addInterviewers, addInterviewee, setTitle or setTimezone (got ${chosen.length === 0 ? "none" : chosen.join(", ")}).`,
    );
  }
  return chosen[0]!;
}

/** `first` listed first, then the new addresses in order, without duplicates; at most 49. */
export function mergeInterviewers(first: string[], more: { email: string }[]): string[] {
  const merged = [...first];
  const seen = new Set(first);
  more.forEach((interviewer, i) => {
    const email = requireEmail(interviewer.email, `interviewers[${i}].email`);
    if (!seen.has(email)) {
      seen.add(email);
      merged.push(email);
    }
    if (merged.length > MAX_INTERVIEWERS) {
      throw badInput(
        `An event can have at most ${MAX_INTERVIEWERS} interviewers, the scheduler included.`,
      );
    }
  });
  return merged;
}

export function checkInterviewee(
  input: IntervieweeInput,
  interviewers: string[],
): IntervieweeInput {
  const email = requireEmail(input.email, "interviewee.email");
  checkNotInterviewer(email, interviewers);
  return { name: requireText(input.name, "interviewee.name", LIMITS.name), email };
}

/** One person is on one side of the interview only. */
export function checkNotInterviewer(intervieweeEmail: string, interviewers: string[]): void {
  if (interviewers.includes(intervieweeEmail))
    throw badInput("The interviewee cannot also be an interviewer.");
}

/** What Indeed's terms expect of the ATS that this event lacks. */
export function termsNotices(event: StoredEvent): string[] {
  return event.interviewee
    ? []
    : [
        "No interviewee email was provided. Indeed's terms require the ATS to send the interviewee's email.",
      ];
}
