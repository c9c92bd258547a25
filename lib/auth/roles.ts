import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { forbidden } from "next/navigation";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db as processDb, type Database, type Transaction } from "@/lib/db/client";
import { employerMemberships, employers, users, type EmployerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import { requireEmployerSession } from "./current-session";
import type { EmployerSession } from "./load-session";

/**
 * The employer admin role (issue 15): an admin sees the audit log, carries out erasure and
 * grants or removes the role; everyone else is refused. The first member of an employer is its
 * admin, and an employer never keeps members without an admin.
 */

/** Who asks: the parts of the employer session a role check needs. */
export type RoleActor = Pick<EmployerSession, "userId" | "employer">;

export async function roleOf(
  db: Database | Transaction,
  userId: string,
  employerId: string,
): Promise<EmployerRole | null> {
  const [row] = await db
    .select({ role: employerMemberships.role })
    .from(employerMemberships)
    .where(
      and(eq(employerMemberships.userId, userId), eq(employerMemberships.employerId, employerId)),
    )
    .limit(1);
  return row?.role ?? null;
}

export async function isEmployerAdmin(
  actor: RoleActor,
  db: Database | Transaction = processDb(),
): Promise<boolean> {
  return (await roleOf(db, actor.userId, actor.employer.id)) === "admin";
}

/** For pages: the session of an admin of its employer, else the 403 page (or sign-in). */
export async function requireEmployerAdmin(returnTo: string = "/"): Promise<EmployerSession> {
  const session = await requireEmployerSession(returnTo);
  if (!(await isEmployerAdmin(session))) forbidden();
  return session;
}

/** For routes and actions: throws 403 FORBIDDEN unless the actor is an admin of its employer. */
export async function assertEmployerAdmin(
  actor: RoleActor & { employer: { name?: string } },
  db: Database | Transaction = processDb(),
): Promise<void> {
  if (!(await isEmployerAdmin(actor, db)))
    throw new AppError(
      "FORBIDDEN",
      `Only an admin of ${actor.employer.name ?? "this employer"} can do this`,
    );
}

/**
 * Inside the sign-in transaction, after the memberships are written: each employer that has
 * members but no admin makes its earliest member admin. The employer row is locked first, so
 * two first sign-ins at once take turns and the second sees the first's admin: exactly one.
 */
export async function appointMissingAdmins(tx: Transaction, employerIds: string[]): Promise<void> {
  for (const employerId of [...new Set(employerIds)].sort()) {
    await tx
      .select({ id: employers.id })
      .from(employers)
      .where(eq(employers.id, employerId))
      .for("update");
    await tx.execute(sql`
      update ${employerMemberships} set role = 'admin'
      where (user_id, employer_id) = (
        select user_id, employer_id from ${employerMemberships}
        where employer_id = ${employerId}
        order by created_at, user_id
        limit 1
      )
      and not exists (
        select 1 from ${employerMemberships} where employer_id = ${employerId} and role = 'admin'
      )`);
  }
}

export interface EmployerMember {
  userId: string;
  name: string | null;
  email: string | null;
  role: EmployerRole;
  since: Date;
}

/** The employer's members, admins first, then by name. */
export async function listEmployerMembers(
  db: Database,
  employerId: string,
): Promise<EmployerMember[]> {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: employerMemberships.role,
      since: employerMemberships.createdAt,
    })
    .from(employerMemberships)
    .innerJoin(users, eq(users.id, employerMemberships.userId))
    .where(eq(employerMemberships.employerId, employerId))
    .orderBy(asc(employerMemberships.role), asc(users.name), asc(users.email));
}

/**
 * An admin makes another member admin or takes the role away (themselves included), never
 * leaving the employer without an admin. Audited; a role that is already so changes nothing.
 */
export async function setMemberRole(
  db: Database,
  actor: RoleActor & { employer: { name?: string } },
  change: { userId: string; role: EmployerRole },
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    // Two admins removing each other at once take turns: the second sees one admin left.
    await tx
      .select({ id: employers.id })
      .from(employers)
      .where(eq(employers.id, actor.employer.id))
      .for("update");
    await assertEmployerAdmin(actor, tx);
    const current = await roleOf(tx, change.userId, actor.employer.id);
    if (!current)
      throw new AppError("BAD_USER_INPUT", "That person is not a member of this employer", {
        fieldErrors: { userId: "Not a member of this employer" },
      });
    if (current === change.role) return { changed: false };
    if (change.role === "member") {
      const admins = await tx
        .select({ userId: employerMemberships.userId })
        .from(employerMemberships)
        .where(
          and(
            eq(employerMemberships.employerId, actor.employer.id),
            eq(employerMemberships.role, "admin"),
          ),
        );
      if (admins.length <= 1)
        throw new AppError(
          "BAD_USER_INPUT",
          "An employer needs at least one admin; make someone else admin first",
          {
            fieldErrors: { userId: "The only admin" },
          },
        );
    }
    await tx
      .update(employerMemberships)
      .set({ role: change.role })
      .where(
        and(
          eq(employerMemberships.userId, change.userId),
          eq(employerMemberships.employerId, actor.employer.id),
        ),
      );
    await recordAuditEvent(tx, {
      employerId: actor.employer.id,
      userId: actor.userId,
      action: change.role === "admin" ? "role.grant_admin" : "role.revoke_admin",
      subject: { type: "user", id: change.userId },
    });
    return { changed: true };
  });
}

/** The admins of employers, for the 403 page's "ask …". */
export async function adminsOf(
  db: Database,
  employerIds: string[],
): Promise<{ name: string | null; email: string | null }[]> {
  if (employerIds.length === 0) return [];
  return db
    .select({ name: users.name, email: users.email })
    .from(employerMemberships)
    .innerJoin(users, eq(users.id, employerMemberships.userId))
    .where(
      and(
        inArray(employerMemberships.employerId, employerIds),
        eq(employerMemberships.role, "admin"),
      ),
    )
    .orderBy(asc(users.name));
}
