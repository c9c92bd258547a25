import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import { interviews, pendingConfirmations } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import {
  intervieweeEmailOf,
  interviewerEmailsOf,
  type InterviewEventSnapshot,
} from "./interview-event-snapshot";
import type { OperationResult, OperationVariables } from "./operations";
import { recordInterviewCreated } from "./record-interview-change";

/**
 * Settles a create whose outcome is unknown (issue 13) by looking for it at Indeed:
 * `findVirtualInterviewEvents` over the minutes around the start time that was sent, matched on
 * title, start and end, interviewee and interviewers. Indeed's event does not expose the
 * requestMetadata it was created with (lib/indeed/schema.graphql), so the match cannot use it;
 * events the ledger already holds are left out, so a second identical interview that Lobby did
 * record is never taken for this one. Found: recorded as created (ledger row, audit, candidate
 * mail), as if Indeed had answered. Not found after MAX_CHECKS lookups that Indeed answered:
 * `not_found`, and the user may send the create again.
 */

/** Lookups Indeed must answer before Lobby says the create did not happen. */
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

function sameInstant(a: string | null | undefined, b: string): boolean {
  return !!a && Date.parse(a) === Date.parse(b);
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
  sent: SentCreate,
): Promise<InterviewEventSnapshot[]> {
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

async function loadRow(database: Database, employerId: string, attemptId: string) {
  const [row] = await database
    .select()
    .from(pendingConfirmations)
    .where(
      and(eq(pendingConfirmations.id, attemptId), eq(pendingConfirmations.employerId, employerId)),
    )
    .limit(1);
  return row;
}

type PendingRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function settled(row: PendingRow): ConfirmationResult | undefined {
  if (row.state === "confirmed" && row.indeedEventId)
    return { state: "confirmed", eventId: row.indeedEventId };
  if (row.state === "not_found") return { state: "not_found", message: NOT_FOUND_MESSAGE };
  return undefined;
}

/**
 * Records the event found, unless another check got there first (the row is locked);
 * undefined when every candidate is an interview the ledger already holds.
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
    await tx
      .update(pendingConfirmations)
      .set({
        state: "confirmed",
        indeedEventId: event.id,
        checks: row.checks + 1,
        lastCheckedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(pendingConfirmations.id, row.id));
    return { state: "confirmed", eventId: event.id };
  });
}

/**
 * Looks the attempt's create up at Indeed, up to MAX_CHECKS times in all (across calls), with
 * CHECK_DELAYS_MS between lookups. Throws INVALID_REQUEST for an attempt this employer does not
 * have.
 */
export async function confirmPendingCreate(
  deps: ConfirmDeps,
  session: EmployerSession,
  attemptId: string,
): Promise<ConfirmationResult> {
  const sleep = deps.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let row = await loadRow(deps.db, session.employer.id, attemptId);
  if (!row) throw new AppError("INVALID_REQUEST", "There is no interview of yours to check");
  while (true) {
    const done = settled(row);
    if (done) return done;
    await sleep(CHECK_DELAYS_MS[Math.min(row.checks, CHECK_DELAYS_MS.length - 1)]!);
    let candidates: InterviewEventSnapshot[];
    try {
      candidates = await findCandidates(deps, session, sentCreateOf(row.sent));
    } catch (error) {
      // A lookup Indeed did not answer proves nothing: the check stays open, uncounted.
      if (error instanceof AppError) return { state: "pending", message: UNREACHABLE_MESSAGE };
      throw error;
    }
    const found = candidates.length > 0 && (await recordFound(deps, session, row, candidates));
    if (found) return found;
    const checks: number = row.checks + 1;
    [row] = await deps.db
      .update(pendingConfirmations)
      .set({
        checks,
        lastCheckedAt: new Date(),
        updatedAt: new Date(),
        ...(checks >= MAX_CHECKS ? { state: "not_found" as const } : {}),
      })
      .where(and(eq(pendingConfirmations.id, row.id), eq(pendingConfirmations.state, "pending")))
      .returning();
    row ??= await loadRow(deps.db, session.employer.id, attemptId);
    if (!row) throw new AppError("INVALID_REQUEST", "There is no interview of yours to check");
  }
}
