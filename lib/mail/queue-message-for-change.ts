import "server-only";
import { and, eq } from "drizzle-orm";
import { config } from "@/lib/config";
import type { Transaction } from "@/lib/db/client";
import { applications, interviews, users } from "@/lib/db/schema";
import type { CreateCandidateMessageInput, EventChange } from "./candidate-message";
import { loadEmployerSettings } from "./employer-settings-store";
import { queueCandidateMessage } from "./queue-candidate-message";

/**
 * Which message a recorded change sends the interviewee, built from Indeed's answer (the event
 * as Indeed returned it, with the interviewee's own lobby link) and queued in the ledger's
 * transaction (record-interview-change.ts):
 * - created with an interviewee, or an interviewee added: an invitation;
 * - rescheduled, retitled, moved to another zone: an update naming the change;
 * - canceled: a cancellation, with the reason when one was given;
 * - nothing when the event has no interviewee, or for changes the interviewee does not see
 *   (interviewers added).
 */

/** The fields of Indeed's event the message reads; the interviewer link is never read. */
export interface EventForMessage {
  id: string;
  title?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timezone?: string | null;
  intervieweesConnection?: {
    interviewees?: ({ email?: string | null; name?: string | null } | null)[] | null;
  } | null;
}

export type MessageTrigger =
  | { kind: "created" }
  | { kind: "changed"; change: string }
  | { kind: "canceled"; reason?: string | null };

const UPDATE_CHANGES: Record<string, EventChange> = {
  reschedule: "rescheduled",
  set_title: "retitled",
  set_timezone: "time_zone_changed",
};

interface Interviewee {
  email: string;
  name: string | null;
  lobbyUrl: string | null;
}

function intervieweeOf(event: EventForMessage): Interviewee | null {
  const people = event.intervieweesConnection?.interviewees ?? [];
  const person = people.find((p) => p?.email) as
    { email: string; name?: string | null; intervieweeLobbyUrl?: string | null } | undefined;
  if (!person) return null;
  return {
    email: person.email,
    name: person.name?.trim() || null,
    lobbyUrl: person.intervieweeLobbyUrl ?? null,
  };
}

/** Queues the message a change calls for, if any; returns whether it queued one. */
export async function queueMessageForChange(
  tx: Transaction,
  actor: { userId: string; employer: { id: string } },
  event: EventForMessage,
  trigger: MessageTrigger,
): Promise<boolean> {
  const kind =
    trigger.kind === "created"
      ? "invitation"
      : trigger.kind === "canceled"
        ? "cancellation"
        : trigger.change === "add_interviewee"
          ? "invitation"
          : UPDATE_CHANGES[trigger.change]
            ? "update"
            : null;
  if (!kind) return false;
  const interviewee = intervieweeOf(event);
  if (!interviewee) return false;
  if (!interviewee.lobbyUrl) {
    console.error(
      `[mail] event ${event.id}: Indeed's answer has no interviewee lobby link; no message`,
    );
    return false;
  }

  const employerId = actor.employer.id;
  const [ledger] = await tx
    .select({
      id: interviews.id,
      title: interviews.title,
      startTime: interviews.startTime,
      endTime: interviews.endTime,
      timezone: interviews.timezone,
      applicantName: applications.applicantName,
    })
    .from(interviews)
    .leftJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(eq(interviews.indeedEventId, event.id), eq(interviews.employerId, employerId)))
    .limit(1);
  const title = event.title ?? ledger?.title;
  const start = event.startTime ?? ledger?.startTime.toISOString();
  const end = event.endTime ?? ledger?.endTime.toISOString();
  const timeZone = event.timezone ?? ledger?.timezone;
  if (!title || !start || !end || !timeZone) {
    console.error(`[mail] event ${event.id}: no title, times or zone known; no message`);
    return false;
  }

  const { appUrl, mail } = config();
  const [user] = await tx
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  const settings = await loadEmployerSettings(tx, employerId, user?.email ?? mail.from.address);
  const languageCode = (event as { languageCode?: string | null }).languageCode;
  const recordedAt = new Date().toISOString();

  await queueCandidateMessage(tx, {
    employerId,
    userId: actor.userId,
    interviewId: ledger?.id ?? null,
    build: (sequence): CreateCandidateMessageInput => {
      const base = {
        appUrl,
        employer: { name: settings.employerName, contact: settings.contact },
        organizer: { name: settings.organizerName, email: mail.from.address },
        replyTo: settings.replyTo,
        event: {
          id: event.id,
          title,
          start,
          end,
          timeZone,
          language: languageCode?.trim().toLowerCase() || settings.defaultLanguage,
        },
        interviewee: {
          name: interviewee.name ?? ledger?.applicantName ?? interviewee.email.split("@")[0]!,
          email: interviewee.email,
          lobbyUrl: interviewee.lobbyUrl!,
        },
        sequence,
        recordedAt,
      };
      if (kind === "update" && trigger.kind === "changed") {
        return { ...base, kind, changes: [UPDATE_CHANGES[trigger.change]!] };
      }
      if (kind === "cancellation" && trigger.kind === "canceled") {
        const reason = trigger.reason?.trim();
        return { ...base, kind, ...(reason ? { cancelReason: reason } : {}) };
      }
      return { ...base, kind: "invitation" };
    },
  });
  return true;
}
