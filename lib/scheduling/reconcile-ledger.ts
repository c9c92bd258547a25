import "server-only";
import { and, eq, inArray, lte, notExists } from "drizzle-orm";
import type { EmployerSession } from "@/lib/auth/load-session";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { interviews, pendingConfirmations } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { InterviewEventSnapshot } from "./interview-event-snapshot";
import type { OperationResult } from "./operations";

/**
 * The ledger follows Indeed (issue 13). Whenever Indeed shows events (a page's GetInterviews or
 * FindInterviews, the application page, the hourly job), each event the ledger holds for the
 * employer is compared with its row; a difference (canceled, moved or retitled outside Lobby)
 * is written back with one `interview.changed_outside_lobby` audit entry. Nothing differs: one
 * read, no write. A row Lobby changed after the read was sent is left alone, so a read that
 * crossed Lobby's own change never undoes it, and an event with a change of Lobby's still being
 * confirmed (reconcile-pending.ts) is left to that check, which records it as the user's.
 */

export const CHANGED_OUTSIDE_LOBBY = "interview.changed_outside_lobby";
/** GetInterviews takes at most this many ids. */
export const IDS_PER_READ = 100;

type LedgerRow = typeof interviews.$inferSelect;
type Change = { from: string | null; to: string };

function instantOf(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** What Indeed's event says that the row does not; fields Indeed left null say nothing. Pure. */
export function ledgerDifferences(
  row: Pick<LedgerRow, "status" | "title" | "startTime" | "endTime" | "timezone">,
  event: InterviewEventSnapshot,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  if (event.status && event.status !== row.status)
    changes.status = { from: row.status, to: event.status };
  if (event.title && event.title !== row.title)
    changes.title = { from: row.title, to: event.title };
  if (event.timezone && event.timezone !== row.timezone)
    changes.timezone = { from: row.timezone, to: event.timezone };
  for (const field of ["startTime", "endTime"] as const) {
    const at = instantOf(event[field]);
    if (at && at.getTime() !== row[field].getTime())
      changes[field] = { from: row[field].toISOString(), to: at.toISOString() };
  }
  return changes;
}

/** The events in a read's data (`{ <root field>: { events: [...] } }`), whatever the query. */
export function eventsOfRead(data: unknown): InterviewEventSnapshot[] {
  if (!data || typeof data !== "object") return [];
  return Object.values(data as Record<string, unknown>).flatMap((root) => {
    const events = (root as { events?: unknown } | null)?.events;
    return Array.isArray(events)
      ? events.filter((event): event is InterviewEventSnapshot => !!event?.id)
      : [];
  });
}

/** What the ledger compares of an event; equal shapes need no second comparison. */
function shapeOf(event: InterviewEventSnapshot): string {
  return [event.status, event.title, event.startTime, event.endTime, event.timezone].join("\u0000");
}

/**
 * Keeps repeated reads off the database: an event Indeed showed with the same shape within
 * `windowMs` has been compared already (or is being compared), so a page read again and again,
 * or read by many requests at once, costs one query, while an event Indeed shows differently
 * (changed outside Lobby) is followed at once. An event changed back to a shape seen within the
 * window waits at most `windowMs` for a later read (or the hourly job). One per process; the
 * oldest entries go past `maxEntries`.
 */
export function createFollowGate(options: {
  windowMs: number;
  maxEntries: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const seen = new Map<string, { shape: string; at: number }>();
  const keyOf = (employerId: string, event: InterviewEventSnapshot) => `${employerId} ${event.id}`;
  return {
    /**
     * The events of a read that still need comparing with the ledger, taken as compared from
     * now on: a read arriving while they are compared skips them.
     */
    claim(employerId: string, events: readonly InterviewEventSnapshot[]) {
      const at = now();
      const claimed = events.filter((event) => {
        const last = seen.get(keyOf(employerId, event));
        return !last || last.shape !== shapeOf(event) || at - last.at >= options.windowMs;
      });
      for (const event of claimed) {
        const key = keyOf(employerId, event);
        seen.delete(key); // re-inserted last: the Map's order is the eviction order
        seen.set(key, { shape: shapeOf(event), at });
      }
      for (const key of seen.keys()) {
        if (seen.size <= options.maxEntries) break;
        seen.delete(key);
      }
      return claimed;
    },
    /** Gives claimed events back when their comparison failed: the next read compares them. */
    release(employerId: string, events: readonly InterviewEventSnapshot[]) {
      for (const event of events) seen.delete(keyOf(employerId, event));
    },
  };
}

/**
 * Writes back what Indeed shows for the employer's events; returns how many rows changed.
 * `readAt`: when the read was sent.
 */
export async function followIndeed(
  database: Database,
  employerId: string,
  events: readonly InterviewEventSnapshot[],
  readAt: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await database
    .select()
    .from(interviews)
    .where(
      and(
        eq(interviews.employerId, employerId),
        inArray(
          interviews.indeedEventId,
          events.map((event) => event.id),
        ),
        notExists(
          database
            .select({ id: pendingConfirmations.id })
            .from(pendingConfirmations)
            .where(
              and(
                eq(pendingConfirmations.employerId, employerId),
                eq(pendingConfirmations.indeedEventId, interviews.indeedEventId),
                eq(pendingConfirmations.state, "pending"),
              ),
            ),
        ),
      ),
    );
  let changed = 0;
  for (const row of rows) {
    const event = events.find((candidate) => candidate.id === row.indeedEventId)!;
    const changes = ledgerDifferences(row, event);
    if (Object.keys(changes).length === 0) continue;
    const written = await database.transaction(async (tx) => {
      const updated = await tx
        .update(interviews)
        .set({
          ...Object.fromEntries(
            Object.entries(changes).map(([field, { to }]) => [
              field,
              field === "startTime" || field === "endTime" ? new Date(to) : to,
            ]),
          ),
          updatedAt: new Date(),
        })
        .where(and(eq(interviews.id, row.id), lte(interviews.updatedAt, readAt)))
        .returning({ id: interviews.id });
      if (updated.length === 0) return false;
      await recordAuditEvent(tx, {
        employerId,
        userId: null,
        action: CHANGED_OUTSIDE_LOBBY,
        subject: { type: "interview", id: row.indeedEventId },
        details: { changes },
      });
      return true;
    });
    if (written) changed++;
  }
  return changed;
}

/** GetInterviews for the session's employer (lib/operations.ts: executeOperation). */
export type GetInterviews = (
  session: EmployerSession,
  ids: string[],
) => Promise<OperationResult<"GetInterviews">>;

/**
 * Reads these events from Indeed in batches of IDS_PER_READ and writes back what differs.
 * `reachable: false` when Indeed could not be reached; on any refusal the ledger stays as it was.
 */
export async function refreshFromIndeed(
  deps: { db: Database; getInterviews: GetInterviews },
  session: EmployerSession,
  ids: readonly string[],
): Promise<{ reachable: boolean; changed: number }> {
  let changed = 0;
  for (let start = 0; start < ids.length; start += IDS_PER_READ) {
    const batch = ids.slice(start, start + IDS_PER_READ);
    const readAt = new Date();
    let data: OperationResult<"GetInterviews">;
    try {
      data = await deps.getInterviews(session, batch);
    } catch (error) {
      // Indeed refusing the read (an interview this user may not see) is not Indeed being away.
      if (error instanceof AppError)
        return { reachable: error.code !== "INDEED_UNAVAILABLE", changed };
      throw error;
    }
    changed += await followIndeed(deps.db, session.employer.id, eventsOfRead(data), readAt);
  }
  return { reachable: true, changed };
}
