import "server-only";
import { listApplications, type ApplicationFilters } from "@/lib/ats/application-queries";
import type { Database } from "@/lib/db/client";
import { writeCsv } from "./write-csv";

/** More than any employer's list today; a bigger export is cut here and says so. */
export const MAX_EXPORT_ROWS = 10_000;

/** The import's columns first, so an export can be imported again; then stage and date. */
const HEADER = [
  "application_id",
  "applicant_name",
  "applicant_email",
  "job_id",
  "job_title",
  "stage",
  "applied_at",
];

/** Every application of the employer that matches the filters, newest first, as CSV. */
export async function applicationsCsv(
  database: Database,
  employerId: string,
  filters: Omit<ApplicationFilters, "page" | "pageSize">,
): Promise<{ csv: string; rows: number; total: number }> {
  const result = await listApplications(database, employerId, {
    ...filters,
    page: 1,
    pageSize: MAX_EXPORT_ROWS,
  });
  const csv = writeCsv(
    HEADER,
    result.rows.map((row) => [
      row.externalId,
      row.applicantName,
      row.applicantEmail,
      row.job.externalId,
      row.job.title,
      row.stage,
      row.appliedAt,
    ]),
  );
  return { csv, rows: result.rows.length, total: result.total };
}

/** `applications-2025-03-01.csv`, in UTC. */
export function exportFileName(now: Date): string {
  return `applications-${now.toISOString().slice(0, 10)}.csv`;
}
