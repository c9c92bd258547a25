import "server-only";
import type { Database, Transaction } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { AuditAction, AuditSubjectType } from "./actions";

/** One entry of the audit log, as a writer gives it. */
export interface AuditEntry {
  employerId: string;
  /** Who acted; null for Lobby itself. */
  userId: string | null;
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
  details?: Record<string, unknown>;
}

/**
 * The one audit writer. Give it the transaction of the action it records, so that both are
 * written or neither.
 */
export async function recordAuditEvent(
  db: Database | Transaction,
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditEvents).values({
    employerId: entry.employerId,
    userId: entry.userId,
    action: entry.action,
    subjectType: entry.subject.type,
    subjectId: entry.subject.id,
    details: entry.details ?? {},
  });
}

/**
 * A switch of the active employer, one entry for each side and no other employer named in
 * either: each employer's log shows only what happened in it.
 */
export async function recordEmployerSwitch(
  db: Database,
  change: { userId: string; from: string; to: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const subject = { type: "user", id: change.userId } as const;
    await recordAuditEvent(tx, {
      employerId: change.from,
      userId: change.userId,
      action: "auth.employer_switch_out",
      subject,
    });
    await recordAuditEvent(tx, {
      employerId: change.to,
      userId: change.userId,
      action: "auth.employer_switch_in",
      subject,
    });
  });
}
