import {
  eventDecisions,
  type EventSessionFields,
  type Maybe,
  personLabel,
  sessionsOf,
  undecidedInterviewers,
} from "./decisions";
import {
  isRecordingExpired,
  recordingDaysLeft,
  recordingExpiresAt,
  recordingExpiresWithin,
  REVIEW_EXPIRY_WINDOW_DAYS,
} from "./recording";
import type { ReviewState } from "./search-params";

/**
 * The review queue's filters and rows, applied to each fetched page: Indeed cannot filter on
 * decisions or recordings. The input is the event as `findVirtualInterviewEvents` returns it
 * (all nullable), so the page passes its nodes straight in.
 */

export interface ReviewEventFields extends EventSessionFields {
  endTime?: Maybe<string>;
}

export type ReviewFilters = Pick<ReviewState, "pending" | "recording" | "expiring">;

/** The interview's end when one of its recordings can still be watched. */
function endOfWatchable(event: ReviewEventFields, now: Date): string | undefined {
  const end = event.endTime;
  return end &&
    !isRecordingExpired(end, now) &&
    sessionsOf(event).some((session) => session.recordingUrl)
    ? end
    : undefined;
}

/**
 * Whether an event passes the queue's filters at `now`. "Decision pending" needs a session
 * (nobody can decide on an interview that was not held) and an interviewer without a decision;
 * "has a recording" means one that can still be watched.
 */
export function matchesReviewFilters(
  event: ReviewEventFields,
  filters: ReviewFilters,
  now: Date,
): boolean {
  const watchableEnd = endOfWatchable(event, now);
  if (
    filters.pending &&
    (sessionsOf(event).length === 0 || undecidedInterviewers(event).length === 0)
  ) {
    return false;
  }
  if (filters.recording && !watchableEnd) return false;
  if (
    filters.expiring &&
    !(watchableEnd && recordingExpiresWithin(watchableEnd, REVIEW_EXPIRY_WINDOW_DAYS, now))
  ) {
    return false;
  }
  return true;
}

/** A row's recording: the best one of its sessions. */
export type ReviewRecording =
  | { kind: "available"; daysLeft: number; expiresAt: Date }
  | { kind: "expired"; expiresAt: Date }
  | { kind: "none" };

export function reviewRecording(event: ReviewEventFields, now: Date): ReviewRecording {
  const end = event.endTime;
  if (!end || !sessionsOf(event).some((session) => session.recordingUrl)) return { kind: "none" };
  if (isRecordingExpired(end, now)) return { kind: "expired", expiresAt: recordingExpiresAt(end) };
  return {
    kind: "available",
    daysLeft: recordingDaysLeft(end, now),
    expiresAt: recordingExpiresAt(end),
  };
}

export interface ReviewRow<Event> {
  event: Event;
  /** Each decision given so far, over all sessions: who and what. */
  decisions: Array<{ name: string; label: string }>;
  /** Names of the interviewers who have not decided on any session. */
  undecided: string[];
  /** Whether any session was held (decisions need one). */
  held: boolean;
  recording: ReviewRecording;
}

export interface ReviewPage<Event> {
  rows: Array<ReviewRow<Event>>;
  /** Events Indeed sent on this page, before the filters. */
  fetched: number;
}

const endMs = (event: ReviewEventFields) => {
  const ms = event.endTime ? Date.parse(event.endTime) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
};

/**
 * One fetched page of the queue: newest end first (Indeed sorts only with the schema
 * extensions, so the page is sorted here too), filtered, with what each row shows.
 */
export function reviewQueuePage<Event extends ReviewEventFields>(
  nodes: ReadonlyArray<Maybe<Event>>,
  filters: ReviewFilters,
  now: Date,
): ReviewPage<Event> {
  const events = nodes.filter((node): node is Event => node !== null && node !== undefined);
  const rows = events
    .filter((event) => matchesReviewFilters(event, filters, now))
    .sort((a, b) => endMs(b) - endMs(a))
    .map((event) => ({
      event,
      decisions: eventDecisions(event).flatMap((session) =>
        session.decided.map((decision) => ({
          name: personLabel(decision.interviewer),
          label: decision.label,
        })),
      ),
      undecided: undecidedInterviewers(event).map(personLabel),
      held: sessionsOf(event).length > 0,
      recording: reviewRecording(event, now),
    }));
  return { rows, fetched: nodes.length };
}
