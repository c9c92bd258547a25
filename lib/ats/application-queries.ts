import "server-only";
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { applications, jobs } from "@/lib/db/schema";
import { isApplicationStage, type ApplicationStage } from "./application-stages";

/** Reads of the ATS data; every one takes the employer id and filters by it. */

export interface ApplicationFilters {
  /** Matches name, email or application id, case-insensitively. */
  query?: string;
  /** A job's Lobby id. */
  jobId?: string;
  stage?: ApplicationStage;
  page?: number;
  pageSize?: number;
}

export interface ApplicationRow {
  id: string;
  externalId: string;
  applicantName: string;
  applicantEmail: string;
  stage: ApplicationStage;
  appliedAt: Date;
  job: { id: string; externalId: string; title: string };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Applications as `ApplicationRow`s, each joined to its job only when the job is the employer's. */
function selectApplicationRows(database: Database, employerId: string) {
  return database
    .select({
      id: applications.id,
      externalId: applications.externalId,
      applicantName: applications.applicantName,
      applicantEmail: applications.applicantEmail,
      stage: applications.stage,
      appliedAt: applications.appliedAt,
      job: { id: jobs.id, externalId: jobs.externalId, title: jobs.title },
    })
    .from(applications)
    .innerJoin(jobs, and(eq(jobs.id, applications.jobId), eq(jobs.employerId, employerId)));
}

export async function listApplications(
  database: Database,
  employerId: string,
  { query, jobId, stage, page = 1, pageSize = 20 }: ApplicationFilters = {},
): Promise<{ rows: ApplicationRow[]; total: number; page: number; pageCount: number }> {
  const conditions: SQL[] = [eq(applications.employerId, employerId)];
  const text = query?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    conditions.push(
      or(
        ilike(applications.applicantName, pattern),
        ilike(applications.applicantEmail, pattern),
        ilike(applications.externalId, pattern),
      )!,
    );
  }
  if (jobId && UUID.test(jobId)) conditions.push(eq(applications.jobId, jobId));
  if (isApplicationStage(stage)) conditions.push(eq(applications.stage, stage));
  const where = and(...conditions);

  const [totals] = await database.select({ total: count() }).from(applications).where(where);
  const total = totals?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await selectApplicationRows(database, employerId)
    .where(where)
    .orderBy(desc(applications.appliedAt), asc(applications.externalId))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { rows, total, page: current, pageCount };
}

export async function listJobs(database: Database, employerId: string) {
  return database
    .select({
      id: jobs.id,
      externalId: jobs.externalId,
      title: jobs.title,
      location: jobs.location,
    })
    .from(jobs)
    .where(eq(jobs.employerId, employerId))
    .orderBy(asc(jobs.title));
}

/** One application by Lobby id or by the ATS's application id, within the employer. */
export async function findApplication(
  database: Database,
  employerId: string,
  idOrExternalId: string,
): Promise<ApplicationRow | undefined> {
  const key = UUID.test(idOrExternalId)
    ? eq(applications.id, idOrExternalId)
    : eq(applications.externalId, idOrExternalId);
  const [row] = await selectApplicationRows(database, employerId)
    .where(and(eq(applications.employerId, employerId), key))
    .limit(1);
  return row;
}
