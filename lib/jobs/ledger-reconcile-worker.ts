import "server-only";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import { employers, indeedConnections, interviews, users } from "@/lib/db/schema";
import { refreshFromIndeed, type GetInterviews } from "@/lib/scheduling/reconcile-ledger";
import type { JobQueue } from "./queue";
import { LEDGER_RECONCILE_QUEUE } from "./queues";

/**
 * The hourly reconcile (issue 13): for each employer with upcoming scheduled interviews in the
 * ledger, reads them from Indeed (GetInterviews, 100 ids a call) with the connection of one of
 * its users, and writes back what changed outside Lobby (lib/scheduling/reconcile-ledger.ts).
 * An employer without a usable connection, or one Indeed does not answer for, waits for the
 * next hour; the job itself never fails for it.
 */

/** At most this many upcoming interviews per employer per run, soonest first. */
const MAX_PER_EMPLOYER = 1_000;

export interface LedgerReconcileDeps {
  db: Database;
  getInterviews: GetInterviews;
  now?: () => Date;
  log?: (line: string) => void;
}

/** An employer's most recently used active connection, as the session a request would carry. */
async function sessionFor(database: Database, employerId: string): Promise<EmployerSession | null> {
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
    .orderBy(desc(indeedConnections.updatedAt))
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
}

export async function reconcileUpcomingInterviews(
  deps: LedgerReconcileDeps,
): Promise<ReconcileRun> {
  const now = deps.now?.() ?? new Date();
  const log = deps.log ?? ((line: string) => console.info(line));
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
  const run: ReconcileRun = { employers: byEmployer.size, checked: 0, changed: 0, unreachable: 0 };
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
    `[jobs] ${LEDGER_RECONCILE_QUEUE}: ${run.checked} upcoming interviews of ${run.employers} employers checked, ${run.changed} changed outside Lobby`,
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
