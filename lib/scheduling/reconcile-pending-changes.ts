import "server-only";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Transaction } from "@/lib/db/client";
import {
  intervieweeEmailOf,
  interviewerEmailsOf,
  type InterviewEventSnapshot,
} from "./interview-event-snapshot";
import { CHANGE_OF_OPERATION, type ChangeOperationName } from "./operations/record-in-ledger";
import type { ConfirmDeps, PendingKind, PendingRow } from "./reconcile-pending";
import { recordInterviewCanceled, recordInterviewUpdated } from "./record-interview-change";

/**
 * Settles a change of an event whose outcome is unknown (issue 13) by reading the event at
 * Indeed (GetInterviews by id): applied, it is recorded as the user's change (ledger row, the
 * user's audit entry, candidate mail), as if Indeed had answered; otherwise the lookup counts
 * towards "not made". A direct read does not lag like the create's search, so the bounded
 * lookups of lib/scheduling/reconcile-pending.ts are only there for an answer that flips.
 */

export const CHANGE_NOT_MADE_MESSAGE = "Indeed did not make the change. You can make it again.";

export function sameInstant(a: string | null | undefined, b: string | undefined): boolean {
  return !!a && !!b && Date.parse(a) === Date.parse(b);
}

/** What a change sent, as far as telling whether it was applied needs it. */
interface SentChange {
  input: {
    id: string;
    startTime?: string;
    endTime?: string;
    title?: string;
    timezone?: string;
    interviewers?: { email: string }[];
    interviewee?: { email: string };
  };
}

const lower = (email: string) => email.toLowerCase();

const APPLIED: Record<
  ChangeOperationName,
  (event: InterviewEventSnapshot, input: SentChange["input"]) => boolean
> = {
  RescheduleInterview: (event, input) =>
    sameInstant(event.startTime, input.startTime) && sameInstant(event.endTime, input.endTime),
  AddInterviewers: (event, input) => {
    const present = new Set(interviewerEmailsOf(event).map(lower));
    return (input.interviewers ?? []).every((person) => present.has(lower(person.email)));
  },
  AddInterviewee: (event, input) =>
    !!input.interviewee &&
    intervieweeEmailOf(event)?.toLowerCase() === lower(input.interviewee.email),
  SetInterviewTitle: (event, input) => event.title === input.title,
  SetInterviewTimezone: (event, input) => event.timezone === input.timezone,
  CancelInterview: (event) => event.status === "CANCELED",
};

function isChangeOperation(name: string): name is ChangeOperationName {
  return Object.hasOwn(APPLIED, name);
}

/** Whether Indeed's event shows the change that was sent. Pure. */
export function changeApplied(
  operationName: string,
  event: InterviewEventSnapshot,
  sent: unknown,
): boolean {
  const input = (sent as SentChange | null)?.input;
  return (
    isChangeOperation(operationName) &&
    !!input &&
    event.id === input.id &&
    APPLIED[operationName](event, input)
  );
}

/** The event read at Indeed, if it shows the change. Throws AppError when Indeed does not answer. */
async function lookUp(
  deps: ConfirmDeps,
  session: EmployerSession,
  row: PendingRow,
): Promise<InterviewEventSnapshot[]> {
  if (!row.indeedEventId) return [];
  const data = await deps.get(session, { ids: [row.indeedEventId] });
  const events: InterviewEventSnapshot[] = (data.virtualInterviewEvents?.events ?? []).flatMap(
    (event) => (event ? [event] : []),
  );
  return events.filter((event) => changeApplied(row.operationName, event, row.sent));
}

/** Records the applied change as the user who sent it made it. */
async function record(
  tx: Transaction,
  session: EmployerSession,
  row: PendingRow,
  [event]: InterviewEventSnapshot[],
): Promise<string | undefined> {
  if (!event || !isChangeOperation(row.operationName)) return undefined;
  const actor = { userId: row.userId ?? session.userId, employer: { id: row.employerId } };
  if (row.operationName === "CancelInterview") {
    const reason = (row.context as { reason?: string } | null)?.reason;
    await recordInterviewCanceled(tx, actor, event, { reason });
  } else {
    const change = CHANGE_OF_OPERATION[row.operationName];
    await recordInterviewUpdated(tx, actor, change, event, row.sent);
  }
  return event.id;
}

export const pendingChange: PendingKind = {
  lookUp,
  record,
  notFoundMessage: CHANGE_NOT_MADE_MESSAGE,
};
