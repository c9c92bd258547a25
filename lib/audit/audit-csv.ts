import "server-only";
import { writeCsvRows } from "@/lib/csv/write-csv";
import type { Database } from "@/lib/db/client";
import type { AuditFilter } from "./audit-filter";
import { auditEntryBatches, type AuditLogEntry } from "./audit-log";

/** The columns of the audit log's CSV: the page's, with the action's name and every detail. */
export const AUDIT_CSV_HEADER = [
  "id",
  "at_utc",
  "person_name",
  "person_email",
  "action",
  "action_label",
  "subject_type",
  "subject_id",
  "application_id",
  "details_json",
] as const;

export function auditCsvRow(entry: AuditLogEntry) {
  return [
    entry.id,
    entry.at,
    entry.person?.name,
    entry.person?.email,
    entry.action,
    entry.actionLabel,
    entry.subject.type,
    entry.subject.id,
    entry.applicationId,
    JSON.stringify(entry.details),
  ];
}

/**
 * Every entry the filter matches, in its order (all pages, whatever `page` says), as a
 * formula-safe CSV streamed a batch at a time.
 */
export function auditCsvStream(
  db: Database,
  employerId: string,
  filter: AuditFilter,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = auditEntryBatches(db, employerId, filter);
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(writeCsvRows([AUDIT_CSV_HEADER])));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(writeCsvRows(next.value.map(auditCsvRow))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** `audit-log-2025-03-01.csv`, in UTC. */
export function auditCsvFileName(now: Date): string {
  return `audit-log-${now.toISOString().slice(0, 10)}.csv`;
}
