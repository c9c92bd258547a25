import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database, Transaction } from "@/lib/db/client";
import { interviews, pendingConfirmations } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import {
  intervieweeEmailOf,
  interviewerEmailsOf,
  type InterviewEventSnapshot,
} from "./interview-event-snapshot";
import type { OperationResult, OperationVariables } from "./operations";
import { pendingChange, sameInstant } from "./reconcile-pending-changes";
import { recordInterviewCreated } from "./record-interview-change";

/**
 * Settles a mutation whose outcome is unknown (issue 13) by looking at Indeed, one shape for
 * both kinds of pending confirmation: a create is looked for with
 * `findVirtualInterviewEvents` over the minutes around the start time that was sent, matched
 * on title, start and end, interviewee and interviewers (Indeed's event does not expose the
 * requestMetadata it was created with, lib/indeed/schema.graphql, so the match cannot use it;
 * events the ledger already holds are left out, so a second identical interview that Lobby did
 * record is never taken for this one); a change of an event reads the event by id
 * (reconcile-pending-changes.ts). Found: recorded as Lobby's, under a row lock, once, as if
 * Indeed had answered. Not found after MAX_CHECKS lookups that Indeed answered: `not_found`,
 * and the user may send it again.
 */

/** Lookups Indeed must answer before Lobby says the create or change did not happen. */
export const MAX_CHECKS = 3;
/** Waits before each lookup of one confirmation: Indeed's search may lag its writes. */
export const CHECK_DELAYS_MS = [0, 750, 1_500] as const;
const WINDOW_MS = 60_000;
const MAX_PAGES = 5;

export type ConfirmationResult =
  | { state: "confirmed"; eventId: string }
  | { state: "pending"; message: string }
  | { state: "not_found"; message: string };

export const NOT_FOUND_MESSAGE =
  "Indeed has no such interview: it was not created. You can schedule it again.";
export const UNREACHABLE_MESSAGE =
  "Indeed cannot be reached to check the interview. Lobby will keep the check open; try again in a moment.";

export interface ConfirmDeps {
  db: Database;
  /** FindInterviews for the session's employer (lib/operations.ts: executeOperation). */
  find: (
    session: EmployerSession,
    variables: OperationVariables<"FindInterviews">,
  ) => Promise<OperationResult<"FindInterviews">>;
  /** GetInterviews for the session's employer. */
  get: (
    session: EmployerSession,
    variables: OperationVariables<"GetInterviews">,
  ) => Promise<OperationResult<"GetInterviews">>;
  sleep?: (ms: number) => Promise<void>;
}

/** What a create sent, as far as a match needs it. */
export interface SentCreate {
  title: string;
  startTime: string;
  endTime: string;
  interviewers?: { email: string }[];
  interviewee?: { email: string } | null;
}

/** Whether Indeed's event is the one this create would have made. Pure. */
export function matchesSentCreate(event: InterviewEventSnapshot, sent: SentCreate): boolean {
  if (event.title !== sent.title) return false;
  if (!sameInstant(event.startTime, sent.startTime) || !sameInstant(event.endTime, sent.endTime))
    return false;
  const interviewee = intervieweeEmailOf(event)?.toLowerCase() ?? null;
  if (interviewee !== (sent.interviewee?.email.toLowerCase() ?? null)) return false;
  const interviewers = new Set(interviewerEmailsOf(event).map((email) => email.toLowerCase()));
  return (sent.interviewers ?? []).every((person) => interviewers.has(person.email.toLowerCase()));
}

function sentCreateOf(sent: Record<string, unknown>): SentCreate {
  return (sent as { input: SentCreate }).input;
}

async function findCandidates(
  deps: ConfirmDeps,
  session: EmployerSession,
  row: PendingRow,
): Promise<InterviewEventSnapshot[]> {
  const sent = sentCreateOf(row.sent);
  const start = Date.parse(sent.startTime);
  const startTime = {
    after: new Date(start - WINDOW_MS).toISOString(),
    before: new Date(start + WINDOW_MS).toISOString(),
  };
  const found: InterviewEventSnapshot[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await deps.find(session, {
      first: 100,
      ...(after ? { after } : {}),
      input: { startTime },
    });
    const connection = data.findVirtualInterviewEvents;
    for (const event of connection?.events ?? []) {
      if (event && matchesSentCreate(event, sent)) found.push(event);
    }
    const next = connection?.pageInfo?.hasNextPage ? connection.pageInfo.endCursor : null;
    if (!next) break;
    after = next;
  }
  return found;
}

export type PendingRow = typeof pendingConfirmations.$inferSelect;

/** What one kind of pending confirmation does: look at Indeed, and record what it found. */
export interface PendingKind {
  /** Indeed's events that may be the outcome; throws AppError when Indeed does not answer. */
  lookUp(
    deps: ConfirmDeps,
    session: EmployerSession,
    row: PendingRow,
  ): Promise<InterviewEventSnapshot[]>;
  /** Records the outcome among the candidates; its event id, or undefined if none is one. */
  record(
    tx: Transaction,
    session: EmployerSession,
    row: PendingRow,
    candidates: InterviewEventSnapshot[],
  ): Promise<string | undefined>;
  notFoundMessage: string;
}

/** Records the first candidate the ledger does not hold yet as the created interview. */
async function recordCreate(
  tx: Transaction,
  session: EmployerSession,
  row: PendingRow,
  candidates: InterviewEventSnapshot[],
): Promise<string | undefined> {
  const known = await tx
    .select({ id: interviews.indeedEventId })
    .from(interviews)
    .where(
      inArray(
        interviews.indeedEventId,
        candidates.map((event) => event.id),
      ),
    );
  const event = candidates.find((candidate) => !known.some((k) => k.id === candidate.id));
  if (!event) return undefined;
  const sent = sentCreateOf(row.sent) as SentCreate & { timezone?: string };
  await recordInterviewCreated(
    tx,
    { userId: row.userId ?? session.userId, employer: { id: row.employerId } },
    event,
    { applicationId: row.applicationId ?? undefined, fallbackTimezone: sent.timezone },
  );
  return event.id;
}

const pendingCreate: PendingKind = {
  lookUp: findCandidates,
  record: recordCreate,
  notFoundMessage: NOT_FOUND_MESSAGE,
};

const kindOf = (row: PendingRow) =>
  row.operationName === "CreateInterview" ? pendingCreate : pendingChange;

/** Which confirmation to check: a create's attempt, or the latest change of an event. */
export type PendingKey = { attemptId: string } | { eventId: string };

const NO_SUCH_CHECK = "There is nothing of yours to check with Indeed";

/**
 * The row for a key, this employer's only. An event's oldest pending change comes first (two
 * changes sent at once may both be pending), else its latest settled one.
 */
async function loadRow(database: Database, employerId: string, key: PendingKey) {
  const mine = eq(pendingConfirmations.employerId, employerId);
  if ("attemptId" in key) {
    const [row] = await database
      .select()
      .from(pendingConfirmations)
      .where(and(eq(pendingConfirmations.id, key.attemptId), mine))
      .limit(1);
    return row;
  }
  const ofEvent = and(
    mine,
    eq(pendingConfirmations.indeedEventId, key.eventId),
    ne(pendingConfirmations.operationName, "CreateInterview"),
  );
  const [pending] = await database
    .select()
    .from(pendingConfirmations)
    .where(and(ofEvent, eq(pendingConfirmations.state, "pending")))
    .orderBy(asc(pendingConfirmations.createdAt))
    .limit(1);
  if (pending) return pending;
  const [latest] = await database
    .select()
    .from(pendingConfirmations)
    .where(ofEvent)
    .orderBy(desc(pendingConfirmations.createdAt))
    .limit(1);
  return latest;
}

function settled(row: PendingRow): ConfirmationResult | undefined {
  if (row.state === "confirmed" && row.indeedEventId)
    return { state: "confirmed", eventId: row.indeedEventId };
  if (row.state === "not_found")
    return { state: "not_found", message: kindOf(row).notFoundMessage };
  return undefined;
}

/**
 * Records the outcome found, unless another check got there first (the row is locked);
 * undefined when no candidate is the outcome.
 */
async function recordFound(
  deps: ConfirmDeps,
  session: EmployerSession,
  row: PendingRow,
  candidates: InterviewEventSnapshot[],
): Promise<ConfirmationResult | undefined> {
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.id, row.id))
      .for("update");
    const done = locked && settled(locked);
    if (done) return done;
    const eventId = await kindOf(row).record(tx, session, row, candidates);
    if (!eventId) return undefined;
    await tx
      .update(pendingConfirmations)
      .set({
        state: "confirmed",
        indeedEventId: eventId,
        checks: row.checks + 1,
        lastCheckedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(pendingConfirmations.id, row.id));
    return { state: "confirmed", eventId };
  });
}

/**
 * Looks the pending create or change up at Indeed, up to MAX_CHECKS times in all (across
 * calls), with CHECK_DELAYS_MS between lookups. Throws INVALID_REQUEST for a key this employer
 * has no confirmation under.
 */
export async function confirmPending(
  deps: ConfirmDeps,
  session: EmployerSession,
  key: PendingKey,
): Promise<ConfirmationResult> {
  const sleep = deps.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let row = await loadRow(deps.db, session.employer.id, key);
  if (!row) throw new AppError("INVALID_REQUEST", NO_SUCH_CHECK);
  const kind = kindOf(row);
  while (true) {
    const done = settled(row);
    if (done) return done;
    await sleep(CHECK_DELAYS_MS[Math.min(row.checks, CHECK_DELAYS_MS.length - 1)]!);
    let candidates: InterviewEventSnapshot[];
    try {
      candidates = await kind.lookUp(deps, session, row);
    } catch (error) {
      // A lookup Indeed did not answer proves nothing: the check stays open, uncounted.
      if (error instanceof AppError) return { state: "pending", message: UNREACHABLE_MESSAGE };
      throw error;
    }
    const found = candidates.length > 0 && (await recordFound(deps, session, row, candidates));
    if (found) return found;
    const checks: number = row.checks + 1;
    const id: string = row.id;
    [row] = await deps.db
      .update(pendingConfirmations)
      .set({
        checks,
        lastCheckedAt: new Date(),
        updatedAt: new Date(),
        ...(checks >= MAX_CHECKS ? { state: "not_found" as const } : {}),
      })
      .where(and(eq(pendingConfirmations.id, id), eq(pendingConfirmations.state, "pending")))
      .returning();
    row ??= await loadRow(deps.db, session.employer.id, { attemptId: id });
    if (!row) throw new AppError("INVALID_REQUEST", NO_SUCH_CHECK);
  }
}
