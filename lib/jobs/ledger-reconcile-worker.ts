import "server-only";
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import {
  employers,
  indeedConnections,
  interviews,
  pendingConfirmations,
  users,
} from "@/lib/db/schema";
import { refreshFromIndeed, type GetInterviews } from "@/lib/scheduling/reconcile-ledger";
import { confirmPending, type ConfirmDeps } from "@/lib/scheduling/reconcile-pending";
import type { JobQueue } from "./queue";
import { LEDGER_RECONCILE_QUEUE } from "./queues";

/**
 * The hourly reconcile (issue 13): for each employer with upcoming scheduled interviews in the
 * ledger, reads them from Indeed (GetInterviews, 100 ids a call) with the connection of one of
 * its users, and writes back what changed outside Lobby (lib/scheduling/reconcile-ledger.ts).
 * An employer without a usable connection, or one Indeed does not answer for, waits for the
 * next hour; the job itself never fails for it. It also settles the pending confirmations
 * nobody finished (a form or dialog closed while "Checking with Indeed…", ADR 0080) with the
 * same confirmPending the confirm route runs.
 */

/** At most this many upcoming interviews per employer per run, soonest first. */
const MAX_PER_EMPLOYER = 1_000;
/**
 * A pending confirmation older than this was abandoned: a user's check ends within seconds
 * (CHECK_DELAYS_MS), and one Indeed did not answer is retried "in a moment" (ADR 0080).
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;
/** At most this many abandoned confirmations per run, oldest first (each may wait ~2 s). */
const MAX_PENDING_PER_RUN = 100;

export interface LedgerReconcileDeps {
  db: Database;
  getInterviews: GetInterviews;
  /** FindInterviews, to look for an abandoned create (reconcile-pending.ts). */
  find: ConfirmDeps["find"];
  sleep?: ConfirmDeps["sleep"];
  now?: () => Date;
  log?: (line: string) => void;
}

/**
 * An employer's active connection as the session a request would carry: the given user's if
 * they still have one, else the employer's most recently used.
 */
async function sessionFor(
  database: Database,
  employerId: string,
  preferredUserId?: string | null,
): Promise<EmployerSession | null> {
  const [row] = await database
    .select({
      connectionId: indeedConnections.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      employerName: employers.name,
      refreshTokenExpiresAt: indeedConnections.refreshTokenExpiresAt,
    })
    .from(indeedConnections)
    .innerJoin(users, eq(users.id, indeedConnections.userId))
    .innerJoin(employers, eq(employers.id, indeedConnections.employerId))
    .where(
      and(eq(indeedConnections.employerId, employerId), eq(indeedConnections.status, "active")),
    )
    .orderBy(
      ...(preferredUserId ? [sql`${indeedConnections.userId} = ${preferredUserId} desc`] : []),
      desc(indeedConnections.updatedAt),
    )
    .limit(1);
  if (!row) return null;
  const employer = { id: employerId, name: row.employerName };
  return {
    userId: row.userId,
    user: { name: row.name, email: row.email },
    connectionId: row.connectionId,
    employer,
    employers: [employer],
    connectionStatus: "active",
    employerAccess: true,
    refreshTokenExpiresAt: row.refreshTokenExpiresAt,
  };
}

export interface ReconcileRun {
  employers: number;
  checked: number;
  changed: number;
  unreachable: number;
  /** Abandoned pending confirmations: found at Indeed and recorded. */
  pendingConfirmed: number;
  /** Abandoned pending confirmations Indeed did not make in MAX_CHECKS answered lookups. */
  pendingNotFound: number;
  /** Abandoned pending confirmations left for the next hour (Indeed or a connection away). */
  pendingOpen: number;
}

type PendingCounts = Pick<ReconcileRun, "pendingConfirmed" | "pendingNotFound" | "pendingOpen">;

/**
 * Settles pending confirmations older than ABANDONED_AFTER_MS, each as a session of the user
 * who sent it. A change may be checked through another connection of the employer once the
 * sender's is gone (a read Indeed refuses leaves it pending; the record still names the
 * sender). A create may not: Indeed shows an event only to its creator and interviewers (ADR
 * 0033), so a colleague's search could come back empty for an event that exists, and "not
 * found" would let the create be sent twice; it waits for its sender's connection. A lookup
 * Indeed does not answer leaves the row, uncounted, for the next hour.
 */
async function settleAbandonedConfirmations(
  deps: LedgerReconcileDeps,
  now: Date,
  log: (line: string) => void,
): Promise<PendingCounts> {
  const abandoned = await deps.db
    .select({
      id: pendingConfirmations.id,
      employerId: pendingConfirmations.employerId,
      userId: pendingConfirmations.userId,
      operationName: pendingConfirmations.operationName,
    })
    .from(pendingConfirmations)
    .where(
      and(
        eq(pendingConfirmations.state, "pending"),
        lt(pendingConfirmations.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS)),
      ),
    )
    .orderBy(asc(pendingConfirmations.createdAt))
    .limit(MAX_PENDING_PER_RUN);
  const confirmDeps: ConfirmDeps = {
    db: deps.db,
    find: deps.find,
    get: (session, variables) => deps.getInterviews(session, variables.ids),
    sleep: deps.sleep,
  };
  const counts: PendingCounts = { pendingConfirmed: 0, pendingNotFound: 0, pendingOpen: 0 };
  for (const row of abandoned) {
    const create = row.operationName === "CreateInterview";
    const session = await sessionFor(deps.db, row.employerId, row.userId);
    const usable = session && (!create || session.userId === row.userId);
    let state = "pending";
    try {
      // A row's own id names it, a create's attempt or a change alike.
      if (usable) state = (await confirmPending(confirmDeps, session, { attemptId: row.id })).state;
    } catch (error) {
      // One row that cannot be checked must not stop the others (or the hourly reconcile).
      log(
        `[jobs] ${LEDGER_RECONCILE_QUEUE}: pending ${row.id} not checked: ${(error as Error).name}`,
      );
    }
    if (state === "confirmed") counts.pendingConfirmed++;
    else if (state === "not_found") counts.pendingNotFound++;
    else counts.pendingOpen++;
  }
  return counts;
}

export async function reconcileUpcomingInterviews(
  deps: LedgerReconcileDeps,
): Promise<ReconcileRun> {
  const now = deps.now?.() ?? new Date();
  const log = deps.log ?? ((line: string) => console.info(line));
  // First, so a change settled now is in the ledger before the upcoming events are read.
  const settledPending = await settleAbandonedConfirmations(deps, now, log);
  const upcoming = await deps.db
    .select({ employerId: interviews.employerId, indeedEventId: interviews.indeedEventId })
    .from(interviews)
    .where(and(eq(interviews.status, "SCHEDULED"), gte(interviews.endTime, now)))
    .orderBy(asc(interviews.startTime));
  const byEmployer = new Map<string, string[]>();
  for (const row of upcoming) {
    const ids = byEmployer.get(row.employerId) ?? [];
    if (ids.length < MAX_PER_EMPLOYER) ids.push(row.indeedEventId);
    byEmployer.set(row.employerId, ids);
  }
  const run: ReconcileRun = {
    employers: byEmployer.size,
    checked: 0,
    changed: 0,
    unreachable: 0,
    ...settledPending,
  };
  for (const [employerId, ids] of byEmployer) {
    const session = await sessionFor(deps.db, employerId);
    if (!session) {
      log(`[jobs] ${LEDGER_RECONCILE_QUEUE}: no active connection for ${employerId}; skipped`);
      continue;
    }
    const result = await refreshFromIndeed(deps, session, ids);
    run.checked += ids.length;
    run.changed += result.changed;
    if (!result.reachable) run.unreachable++;
  }
  log(
    `[jobs] ${LEDGER_RECONCILE_QUEUE}: ${run.checked} upcoming interviews of ${run.employers} employers checked, ${run.changed} changed outside Lobby; abandoned confirmations: ${run.pendingConfirmed} confirmed, ${run.pendingNotFound} not made, ${run.pendingOpen} left open`,
  );
  return run;
}

/** Registers the worker and its hourly schedule (pg-boss cron, once per database). */
export async function startLedgerReconcileWorker(
  queue: JobQueue,
  deps: LedgerReconcileDeps,
): Promise<void> {
  await queue.work<unknown>(LEDGER_RECONCILE_QUEUE, async () => reconcileUpcomingInterviews(deps));
  await queue.boss.schedule(LEDGER_RECONCILE_QUEUE, "0 * * * *");
}
