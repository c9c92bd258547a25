import "server-only";
import { and, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { applications, interviews } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { CancelResult } from "./types";

/** The reason Lobby's ledger keeps for a cancel made for an erasure (Indeed takes none). */
export const ERASURE_CANCEL_REASON = "The job seeker asked for their data to be erased.";

export type UpcomingInterview = Pick<
  typeof interviews.$inferSelect,
  "indeedEventId" | "title" | "startTime" | "endTime" | "timezone"
>;

/** The job seeker's interviews with this employer that have not started and are not canceled. */
export async function upcomingInterviewsOf(
  db: Database,
  employerId: string,
  email: string,
  now: Date = new Date(),
): Promise<UpcomingInterview[]> {
  const theirApplications = db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.employerId, employerId),
        sql`lower(${applications.applicantEmail}) = ${email}`,
      ),
    );
  return db
    .select({
      indeedEventId: interviews.indeedEventId,
      title: interviews.title,
      startTime: interviews.startTime,
      endTime: interviews.endTime,
      timezone: interviews.timezone,
    })
    .from(interviews)
    .where(
      and(
        eq(interviews.employerId, employerId),
        gt(interviews.startTime, now),
        ne(interviews.status, "CANCELED"),
        or(
          sql`lower(${interviews.intervieweeEmail}) = ${email}`,
          inArray(interviews.applicationId, theirApplications),
        ),
      ),
    )
    .orderBy(interviews.startTime);
}

/**
 * Cancels the chosen interviews at Indeed, each through the normal cancel (so the ledger, the
 * audit log and Indeed's own notices follow as for any cancel). Only the job seeker's upcoming
 * interviews may be chosen; one that fails is reported and the others still go.
 */
export async function cancelUpcomingInterviews(
  upcoming: readonly UpcomingInterview[],
  chosen: readonly string[],
  cancel: (eventId: string) => Promise<void>,
): Promise<CancelResult[]> {
  const allowed = new Set(upcoming.map((interview) => interview.indeedEventId));
  const unknown = chosen.filter((id) => !allowed.has(id));
  if (unknown.length > 0)
    throw new AppError("BAD_USER_INPUT", "Choose among this job seeker's upcoming interviews", {
      fieldErrors: { eventIds: "Not one of their upcoming interviews" },
    });
  const results: CancelResult[] = [];
  for (const eventId of new Set(chosen)) {
    try {
      await cancel(eventId);
      results.push({ eventId, canceled: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ eventId, canceled: false, message: error.message });
    }
  }
  return results;
}
