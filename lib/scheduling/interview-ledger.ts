import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { applications, interviews, jobs, users } from "@/lib/db/schema";

/** Reads of the ledger, each scoped to one employer. */

export type LedgerInterview = typeof interviews.$inferSelect;

export async function listInterviewsForApplication(
  database: Database,
  employerId: string,
  applicationId: string,
): Promise<LedgerInterview[]> {
  return database
    .select()
    .from(interviews)
    .where(and(eq(interviews.employerId, employerId), eq(interviews.applicationId, applicationId)))
    .orderBy(desc(interviews.startTime));
}

export async function findLedgerInterview(
  database: Database,
  employerId: string,
  indeedEventId: string,
): Promise<LedgerInterview | undefined> {
  const [row] = await database
    .select()
    .from(interviews)
    .where(and(eq(interviews.employerId, employerId), eq(interviews.indeedEventId, indeedEventId)))
    .limit(1);
  return row;
}

/** Who scheduled a ledger interview in Lobby, for "ask them to add you". */
export async function findLedgerScheduler(
  database: Database,
  interview: LedgerInterview,
): Promise<{ name: string | null; email: string | null } | undefined> {
  if (!interview.createdByUserId) return undefined;
  const [row] = await database
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, interview.createdByUserId))
    .limit(1);
  return row;
}

/** What the ledger adds to an Indeed event in the calendar: who it is for, and for which job. */
export interface LedgerEventDetails {
  indeedEventId: string;
  applicationId: string | null;
  applicantName: string | null;
  jobTitle: string | null;
  intervieweeEmail: string | null;
}

/**
 * The ledger's rows for some Indeed event ids, this employer's only: an id of another
 * employer's interview (or one Lobby did not schedule) is simply absent.
 */
export async function findLedgerInterviewsByEventIds(
  database: Database,
  employerId: string,
  indeedEventIds: readonly string[],
): Promise<LedgerEventDetails[]> {
  if (indeedEventIds.length === 0) return [];
  return database
    .select({
      indeedEventId: interviews.indeedEventId,
      applicationId: interviews.applicationId,
      applicantName: applications.applicantName,
      jobTitle: jobs.title,
      intervieweeEmail: interviews.intervieweeEmail,
    })
    .from(interviews)
    .leftJoin(
      applications,
      and(eq(applications.id, interviews.applicationId), eq(applications.employerId, employerId)),
    )
    .leftJoin(jobs, eq(jobs.id, applications.jobId))
    .where(
      and(
        eq(interviews.employerId, employerId),
        inArray(interviews.indeedEventId, [...indeedEventIds]),
      ),
    );
}
