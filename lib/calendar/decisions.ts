/**
 * Interview sessions and the interviewers' decisions, read from an event as Indeed returns it
 * (every field nullable). Indeed keeps one record per session held with the interviewee, and
 * each record holds the decisions of the interviewers who gave one; who has not decided is
 * what the event's interviewers leave over.
 */

export type Maybe<T> = T | null | undefined;

export interface Person {
  id?: Maybe<string>;
  email?: Maybe<string>;
  name?: Maybe<string>;
}

export interface OutcomeFields {
  interviewer?: Maybe<Person>;
  decision?: Maybe<{ value?: Maybe<string>; noteText?: Maybe<string> }>;
}

export interface SessionFields {
  id?: Maybe<string>;
  recordingUrl?: Maybe<string>;
  interviewOutcomesConnection?: Maybe<{ outcomes?: Maybe<ReadonlyArray<Maybe<OutcomeFields>>> }>;
}

export interface EventSessionFields {
  interviewersConnection?: Maybe<{ interviewers?: Maybe<ReadonlyArray<Maybe<Person>>> }>;
  intervieweesConnection?: Maybe<{
    interviewees?: Maybe<
      ReadonlyArray<
        Maybe<{
          interviewRecordsConnection?: Maybe<{
            records?: Maybe<ReadonlyArray<Maybe<SessionFields>>>;
          }>;
        }>
      >
    >;
  }>;
}

export function present<T>(items: Maybe<ReadonlyArray<Maybe<T>>>): T[] {
  return (items ?? []).filter((item): item is T => item !== null && item !== undefined);
}

/** An interviewer is known by their Indeed account when there is one, else by email. */
function personKey(person: Person): string | undefined {
  return person.id ?? person.email?.toLowerCase() ?? undefined;
}

/** The keys of who decided; a decision naming nobody cannot stand for anyone. */
function decidedKeys(decisions: ReadonlyArray<Decision>): Set<string | undefined> {
  return new Set(
    decisions.map((decision) => personKey(decision.interviewer)).filter((key) => key !== undefined),
  );
}

/** How a person is named on a page: their name, else their email. */
export function personLabel(person: Maybe<Person>): string {
  return person?.name?.trim() || person?.email || "An interviewer";
}

/** Every session held on the event, in Indeed's order (Session 1, Session 2, …). */
export function sessionsOf<Session extends SessionFields>(event: {
  intervieweesConnection?: Maybe<{
    interviewees?: Maybe<
      ReadonlyArray<
        Maybe<{
          interviewRecordsConnection?: Maybe<{ records?: Maybe<ReadonlyArray<Maybe<Session>>> }>;
        }>
      >
    >;
  }>;
}): Session[] {
  return present(event.intervieweesConnection?.interviewees).flatMap((interviewee) =>
    present(interviewee.interviewRecordsConnection?.records),
  );
}

const DECISION_LABELS: Readonly<Record<string, string>> = { YES: "Yes", MAYBE: "Maybe", NO: "No" };

/** "Yes", "Maybe", "No"; a value Indeed adds later is shown as Indeed sends it. */
export function decisionLabel(value: string): string {
  return DECISION_LABELS[value] ?? value;
}

export interface Decision {
  interviewer: Person;
  /** YES, MAYBE, NO (or a value Indeed adds later). */
  value: string;
  label: string;
  note: string | null;
}

export interface SessionDecisions {
  decided: Decision[];
  /** The event's interviewers with no decision on this session, in the event's order. */
  undecided: Person[];
}

/** The decisions given on one session, and which of the event's interviewers gave none. */
export function sessionDecisions(
  session: SessionFields,
  interviewers: ReadonlyArray<Person>,
): SessionDecisions {
  const decided = present(session.interviewOutcomesConnection?.outcomes).flatMap(
    (outcome): Decision[] => {
      const value = outcome.decision?.value;
      if (!value) return [];
      return [
        {
          interviewer: outcome.interviewer ?? {},
          value,
          label: decisionLabel(value),
          note: outcome.decision?.noteText?.trim() || null,
        },
      ];
    },
  );
  const keys = decidedKeys(decided);
  return { decided, undecided: interviewers.filter((person) => !keys.has(personKey(person))) };
}

/** The decisions of every session of an event, in session order. */
export function eventDecisions(event: EventSessionFields): SessionDecisions[] {
  const interviewers = present(event.interviewersConnection?.interviewers);
  return sessionsOf(event).map((session) => sessionDecisions(session, interviewers));
}

/** Interviewers with no decision on any session of the event, in the event's order. */
export function undecidedInterviewers(event: EventSessionFields): Person[] {
  const decided = decidedKeys(eventDecisions(event).flatMap((session) => session.decided));
  return present(event.interviewersConnection?.interviewers).filter(
    (person) => !decided.has(personKey(person)),
  );
}
