import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database, Transaction } from "@/lib/db/client";
import {
  applications,
  auditEvents,
  candidateMessages,
  dataRequests,
  interviews,
} from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { PrivacyActor } from "./data-requests";
import type { ErasureOutcome } from "./types";
import {
  erasureToken,
  identifierPattern,
  mentions,
  nameParts,
  pseudonymiseJson,
  pseudonymiseText,
} from "./pseudonymise";

/**
 * Carries out an erasure request in Lobby's database, in one transaction: the job seeker's
 * applications keep their place in the employer's numbers but lose the name and address (both
 * become `erased-<requestId>`); their interviews lose the address and have the name taken out
 * of titles and cancel reasons; the messages sent to them are deleted with their pg-boss jobs
 * (a message not yet sent is not sent); every audit entry of the employer that names them is
 * pseudonymised inside `details`; every data request of theirs loses the address. The request
 * row stays as the record that it was fulfilled: when, by whom, and how many rows changed.
 * Idempotent: a fulfilled request is answered with what it did the first time.
 * Indeed is not touched here: cancelling upcoming interviews is offered before, as a normal
 * cancel (lib/privacy/cancel-upcoming.ts), and Indeed's API cannot delete an event.
 */

/** The pg-boss tables that may hold a delivery job for a deleted message. */
const JOB_TABLES = ["job", "archive"] as const;

async function deleteMessageJobs(tx: Transaction, messageIds: string[]): Promise<number> {
  if (messageIds.length === 0) return 0;
  let deleted = 0;
  for (const table of JOB_TABLES) {
    const result = (await tx.execute(sql`
      delete from ${sql.identifier("pgboss")}.${sql.identifier(table)}
      where data->>'candidateMessageId' in ${messageIds}
      returning id`)) as unknown as { rows: unknown[] };
    deleted += result.rows.length;
  }
  return deleted;
}

export async function carryOutErasure(
  db: Database,
  actor: PrivacyActor,
  requestId: string,
): Promise<{ outcome: ErasureOutcome; alreadyDone: boolean }> {
  return db.transaction(async (tx) => {
    // Locked: two admins pressing at once take turns, and the second finds it done.
    const [request] = await tx
      .select()
      .from(dataRequests)
      .where(and(eq(dataRequests.id, requestId), eq(dataRequests.employerId, actor.employer.id)))
      .for("update");
    if (!request) throw new AppError("INVALID_REQUEST", "There is no such data request");
    if (request.kind !== "erasure")
      throw new AppError("INVALID_REQUEST", "Only an erasure request can be carried out");
    if (request.fulfilledAt || !request.email) {
      return { outcome: request.outcome as unknown as ErasureOutcome, alreadyDone: true };
    }
    const email = request.email;
    const employerId = actor.employer.id;
    const token = erasureToken(request.id);

    const applicationRows = await tx
      .select({ id: applications.id, name: applications.applicantName })
      .from(applications)
      .where(
        and(
          eq(applications.employerId, employerId),
          sql`lower(${applications.applicantEmail}) = ${email}`,
        ),
      );
    const applicationIds = applicationRows.map((row) => row.id);
    const interviewRows = await tx
      .select({
        id: interviews.id,
        indeedEventId: interviews.indeedEventId,
        title: interviews.title,
        cancelReason: interviews.cancelReason,
      })
      .from(interviews)
      .where(
        and(
          eq(interviews.employerId, employerId),
          or(
            sql`lower(${interviews.intervieweeEmail}) = ${email}`,
            applicationIds.length > 0
              ? inArray(interviews.applicationId, applicationIds)
              : undefined,
          ),
        ),
      );
    const eventIds = interviewRows.map((row) => row.indeedEventId);
    const messageRows = await tx
      .select({ id: candidateMessages.id, name: candidateMessages.recipientName })
      .from(candidateMessages)
      .where(
        and(
          eq(candidateMessages.employerId, employerId),
          or(
            sql`lower(${candidateMessages.recipientEmail}) = ${email}`,
            eventIds.length > 0 ? inArray(candidateMessages.indeedEventId, eventIds) : undefined,
          ),
        ),
      );

    const names = [...applicationRows, ...messageRows].map((row) => row.name);
    // Full names and the address anywhere; the parts of a name only in rows known to be theirs.
    const anywhere = identifierPattern([email, ...names]);
    const theirs = identifierPattern([email, ...names], names.flatMap(nameParts));

    if (applicationIds.length > 0) {
      await tx
        .update(applications)
        .set({ applicantName: token, applicantEmail: `${token}@erased.invalid` })
        .where(inArray(applications.id, applicationIds));
    }
    for (const row of interviewRows) {
      await tx
        .update(interviews)
        .set({
          intervieweeEmail: null,
          title: pseudonymiseText(row.title, theirs, token),
          cancelReason: row.cancelReason && pseudonymiseText(row.cancelReason, theirs, token),
          updatedAt: new Date(),
        })
        .where(eq(interviews.id, row.id));
    }
    const messageIds = messageRows.map((row) => row.id);
    const queuedJobs = await deleteMessageJobs(tx, messageIds);
    if (messageIds.length > 0)
      await tx.delete(candidateMessages).where(inArray(candidateMessages.id, messageIds));

    // Entries about their interviews and applications, or naming them anywhere in the details.
    const identifiers = [email, ...new Set(names.map((name) => name.toLowerCase()))];
    const subjectIds = [...eventIds, ...applicationIds];
    const auditRows = await tx
      .select({
        id: auditEvents.id,
        details: auditEvents.details,
        subjectId: auditEvents.subjectId,
      })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.employerId, employerId),
          or(
            subjectIds.length > 0 ? inArray(auditEvents.subjectId, subjectIds) : undefined,
            ...identifiers.map(
              (value) => sql`position(${value} in lower(${auditEvents.details}::text)) > 0`,
            ),
          ),
        ),
      );
    let auditEntries = 0;
    for (const row of auditRows) {
      const pattern = subjectIds.includes(row.subjectId) ? theirs : anywhere;
      if (!mentions(row.details, pattern)) continue;
      await tx
        .update(auditEvents)
        .set({ details: pseudonymiseJson(row.details, pattern, token) })
        .where(eq(auditEvents.id, row.id));
      auditEntries++;
    }

    const erasedRequests = await tx
      .update(dataRequests)
      // Their other open requests cannot be answered any more: the erasure answers them.
      .set({
        email: null,
        fulfilledAt: sql`coalesce(${dataRequests.fulfilledAt}, now())`,
        fulfilledByUserId: sql`coalesce(${dataRequests.fulfilledByUserId}, ${actor.userId}::uuid)`,
        updatedAt: new Date(),
      })
      .where(and(eq(dataRequests.employerId, employerId), eq(dataRequests.email, email)))
      .returning({ id: dataRequests.id });

    const outcome: ErasureOutcome = {
      applications: applicationIds.length,
      interviews: interviewRows.length,
      messages: messageIds.length,
      queuedJobs,
      auditEntries,
      dataRequests: erasedRequests.length,
    };
    await tx
      .update(dataRequests)
      .set({
        fulfilledAt: new Date(),
        fulfilledByUserId: actor.userId,
        outcome: { ...outcome },
        updatedAt: new Date(),
      })
      .where(eq(dataRequests.id, request.id));
    await recordAuditEvent(tx, {
      employerId,
      userId: actor.userId,
      action: "data_request.erase",
      subject: { type: "data_request", id: request.id },
      details: { ...outcome },
    });
    return { outcome, alreadyDone: false };
  });
}
