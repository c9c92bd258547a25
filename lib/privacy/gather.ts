import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { auditActionLabel } from "@/lib/audit/actions";
import { personLabel, present, sessionDecisions, sessionsOf } from "@/lib/calendar/decisions";
import { recordingStatus, recordingStatusText } from "@/lib/calendar/recording";
import type { Database } from "@/lib/db/client";
import {
  applications,
  auditEvents,
  candidateMessages,
  dataRequests,
  interviews,
  jobs,
  users,
} from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { OperationResult } from "@/lib/scheduling/operations";
import { normaliseEmail } from "./data-request-schema";
import type { DataRequest } from "./data-requests";
import type { IndeedState, PersonalData } from "./types";

/**
 * Everything Lobby holds about one job seeker for one employer, found by their address: their
 * applications, the interviews in the ledger with what Indeed shows of them now (recordings,
 * decisions), the messages Lobby sent them, and the audit entries that concern them. The
 * request screen, the JSON export and the printable report all show this one object.
 */

type IndeedEvent = NonNullable<
  NonNullable<
    NonNullable<OperationResult<"GetInterviews">["virtualInterviewEvents"]>["events"]
  >[number]
>;

/** Indeed's events by id, in the order asked, null for one Indeed would not show. */
export type ReadIndeedEvents = (ids: string[]) => Promise<(IndeedEvent | null | undefined)[]>;

/** Indeed's GetInterviews takes at most 100 ids. */
export const INDEED_BATCH = 100;

export const NOT_SHOWN_BY_INDEED = "Indeed did not show this interview to you.";

/** Indeed's current view of each event, in batches of 100; a failure is said, not thrown. */
export async function indeedStates(
  ids: string[],
  read: ReadIndeedEvents,
  now: Date,
): Promise<Map<string, IndeedState>> {
  const states = new Map<string, IndeedState>();
  for (let start = 0; start < ids.length; start += INDEED_BATCH) {
    const batch = ids.slice(start, start + INDEED_BATCH);
    let events: (IndeedEvent | null | undefined)[];
    try {
      events = await read(batch);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const reason =
        error.code === "FORBIDDEN"
          ? NOT_SHOWN_BY_INDEED
          : `Indeed could not be read: ${error.message}`;
      for (const id of batch) states.set(id, { shown: false, reason });
      continue;
    }
    const byId = new Map(present(events).map((event) => [event.id, event]));
    for (const id of batch) {
      const event = byId.get(id);
      states.set(id, event ? stateOf(event, now) : { shown: false, reason: NOT_SHOWN_BY_INDEED });
    }
  }
  return states;
}

function stateOf(event: IndeedEvent, now: Date): IndeedState {
  const interviewers = present(event.interviewersConnection?.interviewers);
  const sessions = sessionsOf(event);
  return {
    shown: true,
    status: event.status ?? null,
    title: event.title ?? null,
    startTime: event.startTime ?? null,
    endTime: event.endTime ?? null,
    timezone: event.timezone ?? null,
    interviewers: interviewers.map(personLabel),
    recordings: event.endTime
      ? sessions.map((session, index) => {
          const status = recordingStatus(session, event.endTime!, now);
          return {
            session: index + 1,
            state: recordingStatusText(status),
            available: status.kind === "available",
          };
        })
      : [],
    decisions: sessions.flatMap((session, index) =>
      sessionDecisions(session, interviewers).decided.map((decision) => ({
        session: index + 1,
        interviewer: personLabel(decision.interviewer),
        decision: decision.label,
        note: decision.note,
      })),
    ),
  };
}

export async function gatherPersonalData(
  db: Database,
  employer: { id: string; name: string },
  /** A request whose address is still kept (not yet erased). */
  request: DataRequest & { email: string },
  readIndeed: ReadIndeedEvents,
  now: Date = new Date(),
): Promise<PersonalData> {
  const email = normaliseEmail(request.email);
  const applicationRows = await db
    .select({ application: applications, job: { id: jobs.externalId, title: jobs.title } })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(
      and(
        eq(applications.employerId, employer.id),
        sql`lower(${applications.applicantEmail}) = ${email}`,
      ),
    )
    .orderBy(asc(applications.appliedAt));
  const applicationIds = applicationRows.map((row) => row.application.id);

  const interviewRows = await db
    .select()
    .from(interviews)
    .where(
      and(
        eq(interviews.employerId, employer.id),
        or(
          sql`lower(${interviews.intervieweeEmail}) = ${email}`,
          applicationIds.length > 0 ? inArray(interviews.applicationId, applicationIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(interviews.startTime));
  const eventIds = interviewRows.map((row) => row.indeedEventId);
  const states = await indeedStates(eventIds, readIndeed, now);

  const messageRows = await db
    .select()
    .from(candidateMessages)
    .where(
      and(
        eq(candidateMessages.employerId, employer.id),
        or(
          sql`lower(${candidateMessages.recipientEmail}) = ${email}`,
          eventIds.length > 0 ? inArray(candidateMessages.indeedEventId, eventIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(candidateMessages.createdAt), asc(candidateMessages.sequence));

  const requestIds = (
    await db
      .select({ id: dataRequests.id })
      .from(dataRequests)
      .where(and(eq(dataRequests.employerId, employer.id), eq(dataRequests.email, email)))
  ).map((row) => row.id);

  const subjectIds = [...eventIds, ...applicationIds, ...requestIds];
  const auditRows = await db
    .select({ entry: auditEvents, by: sql<string | null>`coalesce(${users.name}, ${users.email})` })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      and(
        eq(auditEvents.employerId, employer.id),
        or(
          subjectIds.length > 0 ? inArray(auditEvents.subjectId, subjectIds) : undefined,
          sql`position(${email} in lower(${auditEvents.details}::text)) > 0`,
        ),
      ),
    )
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));

  return {
    request: {
      id: request.id,
      kind: request.kind,
      receivedOn: request.receivedOn,
      dueOn: request.dueOn,
      fulfilledAt: request.fulfilledAt?.toISOString() ?? null,
    },
    employer,
    email,
    generatedAt: now.toISOString(),
    applications: applicationRows.map(({ application, job }) => ({
      id: application.id,
      applicationId: application.externalId,
      name: application.applicantName,
      email: application.applicantEmail,
      stage: application.stage,
      appliedAt: application.appliedAt.toISOString(),
      job,
    })),
    interviews: interviewRows.map((row) => ({
      indeedEventId: row.indeedEventId,
      title: row.title,
      startTime: row.startTime.toISOString(),
      endTime: row.endTime.toISOString(),
      timezone: row.timezone,
      status: row.status,
      cancelReason: row.cancelReason,
      scheduledAt: row.createdAt.toISOString(),
      indeed: states.get(row.indeedEventId) ?? { shown: false, reason: NOT_SHOWN_BY_INDEED },
    })),
    messages: messageRows.map((row) => ({
      indeedEventId: row.indeedEventId,
      kind: row.kind,
      sequence: row.sequence,
      to: `${row.recipientName} <${row.recipientEmail}>`,
      status: row.status,
      queuedAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
    auditEntries: auditRows.map(({ entry, by }) => ({
      id: entry.id,
      at: entry.createdAt.toISOString(),
      action: entry.action,
      description: auditActionLabel(entry.action),
      by,
      subject: { type: entry.subjectType, id: entry.subjectId },
      details: entry.details,
    })),
  };
}
