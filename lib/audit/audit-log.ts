import "server-only";
import { and, asc, count, desc, eq, gt, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/lib/db/client";
import { auditEvents, employerMemberships, interviews, users } from "@/lib/db/schema";
import { auditActionLabel } from "./actions";
import { AUDIT_PAGE_SIZE, auditFilterRange, type AuditFilter } from "./audit-filter";

/** Reads of the audit log; every one is scoped to one employer. */

export interface AuditLogEntry {
  id: number;
  at: Date;
  action: string;
  actionLabel: string;
  person: { id: string; name: string | null; email: string | null } | null;
  subject: { type: string; id: string };
  /** Indeed's event id, when the entry concerns an interview. */
  eventId: string | null;
  /** The application of that interview, from Lobby's ledger. */
  applicationId: string | null;
  /** The person an entry about someone else concerns (a role change). */
  subjectPerson: { name: string | null; email: string | null } | null;
  details: Record<string, unknown>;
}

function conditions(employerId: string, filter: AuditFilter): SQL[] {
  const { since, before } = auditFilterRange(filter);
  const where: SQL[] = [eq(auditEvents.employerId, employerId)];
  if (since) where.push(gte(auditEvents.createdAt, since));
  if (before) where.push(lt(auditEvents.createdAt, before));
  if (filter.person) where.push(eq(auditEvents.userId, filter.person));
  if (filter.event)
    where.push(eq(auditEvents.subjectType, "interview"), eq(auditEvents.subjectId, filter.event));
  return where;
}

const subjectUsers = alias(users, "subject_users");

function selectEntries(db: Database, employerId: string) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.createdAt,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
      userId: users.id,
      name: users.name,
      email: users.email,
      applicationId: interviews.applicationId,
      subjectUserName: subjectUsers.name,
      subjectUserEmail: subjectUsers.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(
      subjectUsers,
      and(
        eq(auditEvents.subjectType, "user"),
        sql`${subjectUsers.id}::text = ${auditEvents.subjectId}`,
      ),
    )
    .leftJoin(
      interviews,
      and(
        eq(auditEvents.subjectType, "interview"),
        eq(interviews.indeedEventId, auditEvents.subjectId),
        eq(interviews.employerId, employerId),
      ),
    );
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>["where"]>>[number];

function toEntry(row: EntryRow): AuditLogEntry {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    person: row.userId ? { id: row.userId, name: row.name, email: row.email } : null,
    subject: { type: row.subjectType, id: row.subjectId },
    eventId: row.subjectType === "interview" ? row.subjectId : null,
    applicationId: row.applicationId,
    subjectPerson:
      row.subjectType === "user" && row.subjectId !== row.userId
        ? { name: row.subjectUserName, email: row.subjectUserEmail }
        : null,
    details: row.details,
  };
}

/** One page of the filtered log, in the filter's order (insertion order of the entries). */
export async function listAuditEntries(
  db: Database,
  employerId: string,
  filter: AuditFilter,
  pageSize: number = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditLogEntry[]; total: number; page: number; pageCount: number }> {
  const where = and(...conditions(employerId, filter));
  const [{ total }] = (await db.select({ total: count() }).from(auditEvents).where(where)) as [
    { total: number },
  ];
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pageCount);
  const rows = await selectEntries(db, employerId)
    .where(where)
    .orderBy(filter.order === "newest" ? desc(auditEvents.id) : asc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { entries: rows.map(toEntry), total, page, pageCount };
}

/**
 * Every entry the filter matches (all pages), in its order, a batch at a time: an export reads
 * along the id instead of offsets, so entries written meanwhile shift nothing.
 */
export async function* auditEntryBatches(
  db: Database,
  employerId: string,
  filter: AuditFilter,
  batchSize = 500,
): AsyncGenerator<AuditLogEntry[]> {
  const newest = filter.order === "newest";
  let last: number | undefined;
  for (;;) {
    const where = conditions(employerId, filter);
    if (last !== undefined)
      where.push(newest ? lt(auditEvents.id, last) : gt(auditEvents.id, last));
    const rows = await selectEntries(db, employerId)
      .where(and(...where))
      .orderBy(newest ? desc(auditEvents.id) : asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    if (rows.length < batchSize) return;
    last = rows.at(-1)!.id;
  }
}

/** Whom the person filter offers: the employer's members and anyone its log names. */
export async function listAuditPeople(
  db: Database,
  employerId: string,
): Promise<{ id: string; name: string | null; email: string | null }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      or(
        sql`${users.id} in (select ${employerMemberships.userId} from ${employerMemberships} where ${employerMemberships.employerId} = ${employerId})`,
        sql`${users.id} in (select ${auditEvents.userId} from ${auditEvents} where ${auditEvents.employerId} = ${employerId})`,
      ),
    )
    .orderBy(asc(users.name), asc(users.email));
}
