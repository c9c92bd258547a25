import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { applications, jobs } from "@/lib/db/schema";
import { previewApplicationsCsv, type ImportPreview } from "./application-import";

/**
 * Checks an applications CSV against the employer's data (application ids already used) and,
 * when asked and only if every row is valid, imports it in one transaction, creating the jobs
 * it names that do not exist yet.
 */
export async function previewApplicationsImport(
  database: Database,
  employerId: string,
  csv: string,
): Promise<ImportPreview> {
  const preview = previewApplicationsCsv(csv);
  if (preview.rows.length === 0) return preview;
  const ids = preview.rows.map((row) => row.values.application_id).filter(Boolean);
  const taken = new Set(
    (
      await database
        .select({ externalId: applications.externalId })
        .from(applications)
        .where(and(eq(applications.employerId, employerId), inArray(applications.externalId, ids)))
    ).map((row) => row.externalId),
  );
  const rows = preview.rows.map((row) =>
    taken.has(row.values.application_id)
      ? {
          ...row,
          errors: [...row.errors, `application_id ${row.values.application_id} already exists`],
        }
      : row,
  );
  return {
    ...preview,
    rows,
    valid: preview.fileErrors.length === 0 && rows.every((row) => row.errors.length === 0),
  };
}

export type ImportResult =
  { ok: true; imported: number; jobsCreated: number } | { ok: false; preview: ImportPreview };

export async function importApplications(
  database: Database,
  actor: { userId: string | null; employerId: string },
  csv: string,
): Promise<ImportResult> {
  const preview = await previewApplicationsImport(database, actor.employerId, csv);
  if (!preview.valid) return { ok: false, preview };
  const rows = preview.rows.map((row) => row.values);

  return database.transaction(async (tx) => {
    const jobTitles = new Map(rows.map((row) => [row.job_id, row.job_title]));
    const created = await tx
      .insert(jobs)
      .values(
        [...jobTitles].map(([externalId, title]) => ({
          employerId: actor.employerId,
          externalId,
          title,
        })),
      )
      .onConflictDoNothing({ target: [jobs.employerId, jobs.externalId] })
      .returning({ id: jobs.id });
    const jobRows = await tx
      .select({ id: jobs.id, externalId: jobs.externalId })
      .from(jobs)
      .where(
        and(eq(jobs.employerId, actor.employerId), inArray(jobs.externalId, [...jobTitles.keys()])),
      );
    const jobIds = new Map(jobRows.map((job) => [job.externalId, job.id]));
    // No conflict clause: an id taken since the preview fails the whole import, as it should.
    await tx.insert(applications).values(
      rows.map((row) => ({
        employerId: actor.employerId,
        jobId: jobIds.get(row.job_id)!,
        externalId: row.application_id,
        applicantName: row.applicant_name,
        applicantEmail: row.applicant_email,
      })),
    );
    await recordAuditEvent(tx, {
      employerId: actor.employerId,
      userId: actor.userId,
      action: "applications.import",
      subject: { type: "employer", id: actor.employerId },
      details: { applications: rows.length, jobsCreated: created.length },
    });
    return { ok: true as const, imported: rows.length, jobsCreated: created.length };
  });
}
