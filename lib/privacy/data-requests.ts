import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database, Transaction } from "@/lib/db/client";
import { dataRequests, users } from "@/lib/db/schema";
import { dueOn, normaliseEmail, type DataRequestValues } from "./data-request-schema";

/**
 * The employer's data requests: recorded, listed and found, each scoped to one employer. The
 * address is kept with a salted hash of it, so that a request can still be recognised after an
 * erasure took the address away (docs/decisions/0061-data-requests-and-erasure.md).
 */

/** Who acts: the parts of the employer session the store needs. */
export interface PrivacyActor {
  userId: string;
  employer: { id: string };
}

export type DataRequest = typeof dataRequests.$inferSelect;

export function hashEmail(email: string, salt: string): string {
  return createHash("sha256")
    .update(`${salt}\n${normaliseEmail(email)}`)
    .digest("hex");
}

export async function recordDataRequest(
  db: Database,
  actor: PrivacyActor,
  values: DataRequestValues,
): Promise<DataRequest> {
  return db.transaction(async (tx) => {
    const salt = randomBytes(16).toString("hex");
    const [row] = await tx
      .insert(dataRequests)
      .values({
        employerId: actor.employer.id,
        kind: values.kind,
        email: normaliseEmail(values.email),
        emailSalt: salt,
        emailHash: hashEmail(values.email, salt),
        receivedOn: values.receivedOn,
        dueOn: dueOn(values.receivedOn),
        recordedByUserId: actor.userId,
      })
      .returning();
    await recordAuditEvent(tx, {
      employerId: actor.employer.id,
      userId: actor.userId,
      action: "data_request.record",
      subject: { type: "data_request", id: row!.id },
      details: { kind: row!.kind, receivedOn: row!.receivedOn, dueOn: row!.dueOn },
    });
    return row!;
  });
}

export interface DataRequestListRow extends DataRequest {
  recordedBy: string | null;
}

/** Open requests first, soonest due first; then the fulfilled ones, latest first. */
export async function listDataRequests(
  db: Database,
  employerId: string,
): Promise<DataRequestListRow[]> {
  const rows = await db
    .select({
      request: dataRequests,
      recordedBy: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    })
    .from(dataRequests)
    .leftJoin(users, eq(users.id, dataRequests.recordedByUserId))
    .where(eq(dataRequests.employerId, employerId))
    .orderBy(
      sql`${dataRequests.fulfilledAt} is not null`,
      asc(dataRequests.dueOn),
      desc(dataRequests.fulfilledAt),
    );
  return rows.map((row) => ({ ...row.request, recordedBy: row.recordedBy }));
}

export async function findDataRequest(
  db: Database | Transaction,
  employerId: string,
  id: string,
): Promise<DataRequest | undefined> {
  const [row] = await db
    .select()
    .from(dataRequests)
    .where(and(eq(dataRequests.employerId, employerId), eq(dataRequests.id, id)))
    .limit(1);
  return row;
}

/** Who fulfilled a request, by name or address. */
export async function userLabel(db: Database, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.name ?? row?.email ?? null;
}

/** Erasures already carried out for this address (matched through the salted hashes). */
export async function earlierErasures(
  db: Database,
  employerId: string,
  email: string,
): Promise<DataRequest[]> {
  const erased = await db
    .select()
    .from(dataRequests)
    .where(
      and(
        eq(dataRequests.employerId, employerId),
        eq(dataRequests.kind, "erasure"),
        isNotNull(dataRequests.fulfilledAt),
      ),
    );
  return erased.filter((row) => row.emailHash === hashEmail(email, row.emailSalt));
}

/** An access request is answered once its export is downloaded; audited each time. */
export async function recordExportDownloaded(
  db: Database,
  actor: PrivacyActor,
  request: DataRequest,
  format: "json" | "report",
): Promise<void> {
  await db.transaction(async (tx) => {
    if (request.kind === "access" && !request.fulfilledAt) {
      await tx
        .update(dataRequests)
        .set({ fulfilledAt: new Date(), fulfilledByUserId: actor.userId, updatedAt: new Date() })
        .where(
          and(eq(dataRequests.id, request.id), eq(dataRequests.employerId, actor.employer.id)),
        );
    }
    await recordAuditEvent(tx, {
      employerId: actor.employer.id,
      userId: actor.userId,
      action: "data_request.export",
      subject: { type: "data_request", id: request.id },
      details: { kind: request.kind, format },
    });
  });
}
