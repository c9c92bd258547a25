import { isRecordingExpired, recordingExpiresWithin, REVIEW_EXPIRY_WINDOW_DAYS } from "./recording";
import type { ReviewState } from "./search-params";

/**
 * The review queue's filters, applied to each fetched page: Indeed cannot filter on decisions or
 * recordings. The input is the event as `findVirtualInterviewEvents` returns it (all nullable),
 * so the page passes its nodes straight in.
 */

type Maybe<T> = T | null | undefined;

interface Person {
  id?: Maybe<string>;
  email?: Maybe<string>;
  name?: Maybe<string>;
}

export interface ReviewEventFields {
  endTime?: Maybe<string>;
  interviewersConnection?: Maybe<{ interviewers?: Maybe<ReadonlyArray<Maybe<Person>>> }>;
  intervieweesConnection?: Maybe<{
    interviewees?: Maybe<
      ReadonlyArray<
        Maybe<{
          interviewRecordsConnection?: Maybe<{
            records?: Maybe<
              ReadonlyArray<
                Maybe<{
                  recordingUrl?: Maybe<string>;
                  interviewOutcomesConnection?: Maybe<{
                    outcomes?: Maybe<
                      ReadonlyArray<
                        Maybe<{
                          interviewer?: Maybe<Person>;
                          decision?: Maybe<{ value?: Maybe<string> }>;
                        }>
                      >
                    >;
                  }>;
                }>
              >
            >;
          }>;
        }>
      >
    >;
  }>;
}

export type ReviewFilters = Pick<ReviewState, "pending" | "recording" | "expiring">;

function present<T>(items: Maybe<ReadonlyArray<Maybe<T>>>): T[] {
  return (items ?? []).filter((item): item is T => item !== null && item !== undefined);
}

/** An interviewer is known by their Indeed account when there is one, else by email. */
function personKey(person: Person): string | undefined {
  return person.id ?? person.email?.toLowerCase() ?? undefined;
}

export function sessionsOf(event: ReviewEventFields) {
  return present(event.intervieweesConnection?.interviewees).flatMap((interviewee) =>
    present(interviewee.interviewRecordsConnection?.records),
  );
}

/** Interviewers with no decision on any session of the event, in the event's order. */
export function undecidedInterviewers(event: ReviewEventFields): Person[] {
  const decided = new Set(
    sessionsOf(event)
      .flatMap((session) => present(session.interviewOutcomesConnection?.outcomes))
      .filter((outcome) => outcome.decision?.value)
      .flatMap((outcome) => (outcome.interviewer ? [personKey(outcome.interviewer)] : [])),
  );
  return present(event.interviewersConnection?.interviewers).filter(
    (person) => !decided.has(personKey(person)),
  );
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
  const sessions = sessionsOf(event);
  const end = event.endTime;
  // The interview's end when one of its recordings can still be watched.
  const endOfWatchable =
    end && !isRecordingExpired(end, now) && sessions.some((session) => session.recordingUrl)
      ? end
      : undefined;
  if (filters.pending && (sessions.length === 0 || undecidedInterviewers(event).length === 0)) {
    return false;
  }
  if (filters.recording && !endOfWatchable) return false;
  if (
    filters.expiring &&
    !(endOfWatchable && recordingExpiresWithin(endOfWatchable, REVIEW_EXPIRY_WINDOW_DAYS, now))
  ) {
    return false;
  }
  return true;
}
