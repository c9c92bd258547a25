import { randomBytes, randomUUID } from "node:crypto";
import type { VirtualClock } from "../core/clock";
import type { OAuthApi } from "../oauth/api";
import { ApiError, badInput, noAccessToEvent } from "./api-error";
import { calendarItem } from "./calendar-item";
import {
  MAX_EVENT_DURATION_MS,
  MAX_INTERVIEWERS,
  type DecisionValue,
  type RecordingMode,
  type StoredEvent,
  type StoredInterviewee,
  type StoredSession,
} from "./event-model";
import { EventStore } from "./event-store";
import {
  LIMITS,
  optionalCountryCode,
  optionalLanguageCode,
  optionalText,
  requireEmail,
  requireText,
  requireTimeZone,
} from "./input-rules";
import { localWhen } from "./local-time";
import { Outbox, type Notification, type NotificationKind } from "./outbox";
import { decodeEventId } from "./resource-id";

/** Who is calling: the token's user, their employer and the OAuth client. */
export interface Actor {
  userId: string;
  email: string;
  employerId: string;
  clientId: string;
}

/** Timings of what Indeed does around an event; the control API can change them. */
export interface LifecycleSettings {
  /** How long before the start the interviewee's reminder goes out. */
  reminderLeadMs: number;
  /** How long an `available` recording takes to process after the session ends. */
  recordingProcessingMs: number;
  /** How long after the interview the recording page works. */
  recordingRetentionMs: number;
}

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  reminderLeadMs: 5 * 60_000,
  recordingProcessingMs: 15 * 60_000,
  recordingRetentionMs: 90 * 86_400_000,
};

/** Scheduling a start this far in the past is still accepted (clock skew between systems). */
const PAST_START_GRACE_MS = 60_000;

export interface IntervieweeInput {
  name: string;
  email: string;
}

export interface CreateEventInput {
  startTime: number;
  endTime: number;
  title: string;
  timezone: string;
  interviewers: { email: string }[];
  interviewee?: IntervieweeInput | null;
  requestMetadata: {
    atsName: string;
    employerName?: string | null;
    jobId?: string | null;
    jobTitle?: string | null;
  };
  languageCode?: string | null;
  countryCode?: string | null;
}

export interface UpdateEventInput {
  reschedule?: { id: string; startTime: number; endTime: number } | null;
  addInterviewers?: { id: string; interviewers: { email: string }[] } | null;
  addInterviewee?: { id: string; interviewee: IntervieweeInput } | null;
  setTitle?: { id: string; title: string } | null;
  setTimezone?: { id: string; timezone: string } | null;
}

export interface SessionInput {
  recording: RecordingMode;
  /** When the session ended; defaults to now. */
  endedAt?: number;
  durationMs?: number;
  /** Overrides the processing delay for this one recording. */
  processingMs?: number;
}

export interface DecisionInput {
  /** The session (record) uuid; defaults to the latest session. */
  recordUuid?: string;
  interviewerEmail: string;
  value: DecisionValue;
  noteText?: string | null;
}

export type RecordingState = "none" | "processing" | "available" | "failed" | "expired";

type Directory = Pick<OAuthApi, "userByEmail" | "user">;

interface PendingReminder {
  dueMs: number;
  uuid: string;
}

export interface InterviewState {
  events: StoredEvent[];
  notifications: Notification[];
  settings: LifecycleSettings;
}

/**
 * The Interview API's behaviour, without HTTP or GraphQL: the rules the guide states, and what
 * Indeed does around an event (messages, calendar items, reminders, sessions, recordings).
 */
export class InterviewService {
  readonly store = new EventStore();
  readonly outbox = new Outbox();
  settings: LifecycleSettings = { ...DEFAULT_LIFECYCLE_SETTINGS };
  /** Interviewee reminders not sent yet, by due time; stale entries are skipped when popped. */
  private reminders: PendingReminder[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly directory: Directory,
    private readonly baseUrl: () => string,
  ) {}

  lobbyUrl(event: StoredEvent, role: "interviewer" | "interviewee"): string {
    const token =
      role === "interviewer" ? event.interviewerLobbyToken : event.interviewee?.lobbyToken;
    return `${this.baseUrl()}/lobby/${role}/${token ?? ""}`;
  }

  /** An event of this employer, by either id form; anything else is FORBIDDEN. */
  eventFor(employerId: string, id: string): StoredEvent {
    const uuid = decodeEventId(id);
    const event = uuid ? this.store.get(uuid) : undefined;
    if (!event || event.employerId !== employerId)
      throw noAccessToEvent(id.length > 200 ? `${id.slice(0, 200)}...` : id);
    return event;
  }

  createEvent(
    actor: Actor,
    input: CreateEventInput,
    options: { allowPast?: boolean; uuid?: string } = {},
  ): StoredEvent {
    const now = this.clock.now();
    this.checkTimes(input.startTime, input.endTime, now, options.allowPast ?? false);
    const title = requireText(input.title, "title", LIMITS.title);
    const timezone = requireTimeZone(input.timezone, "timezone");
    const interviewers = mergeInterviewers([actor.email], input.interviewers);
    const requestMetadata = {
      atsName: requireText(
        input.requestMetadata.atsName,
        "requestMetadata.atsName",
        LIMITS.atsName,
      ),
      employerName: optionalText(
        input.requestMetadata.employerName,
        "requestMetadata.employerName",
        LIMITS.employerName,
      ),
      jobId: optionalText(input.requestMetadata.jobId, "requestMetadata.jobId", LIMITS.jobId),
      jobTitle: optionalText(
        input.requestMetadata.jobTitle,
        "requestMetadata.jobTitle",
        LIMITS.jobTitle,
      ),
    };
    const languageCode = optionalLanguageCode(input.languageCode);
    const countryCode = optionalCountryCode(input.countryCode);
    const interviewee = input.interviewee
      ? this.checkInterviewee(input.interviewee, interviewers, now)
      : null;
    if (options.uuid && this.store.get(options.uuid))
      throw badInput(`An event with id ${options.uuid} already exists.`);

    const event: StoredEvent = {
      uuid: options.uuid ?? randomUUID(),
      employerId: actor.employerId,
      createdByUserId: actor.userId,
      createdByClientId: actor.clientId,
      status: "SCHEDULED",
      mediaType: "VIDEO",
      title,
      startMs: input.startTime,
      endMs: input.endTime,
      timezone,
      languageCode,
      countryCode,
      interviewers: interviewers.map((email) => ({ email, addedAt: now })),
      interviewee,
      requestMetadata,
      interviewerLobbyToken: lobbyToken(),
      sessions: [],
      createdAt: now,
      updatedAt: now,
      canceledAt: null,
      sequence: 0,
      reminderSentForStartMs: null,
    };
    this.store.add(event);
    this.notifyInterviewers(event, interviewers, "interviewer.invitation");
    this.queueReminder(event);
    return event;
  }

  updateEvent(actor: Actor, input: UpdateEventInput): StoredEvent {
    const chosen = (
      ["reschedule", "addInterviewers", "addInterviewee", "setTitle", "setTimezone"] as const
    ).filter((key) => input[key] !== null && input[key] !== undefined);
    if (chosen.length !== 1) {
      throw badInput(
        `Set exactly one of reschedule, addInterviewers, addInterviewee, setTitle or setTimezone (got ${chosen.length === 0 ? "none" : chosen.join(", ")}).`,
      );
    }
    const now = this.clock.now();
    if (input.reschedule) {
      const { id, startTime, endTime } = input.reschedule;
      const event = this.changeableEvent(actor, id);
      this.checkTimes(startTime, endTime, now, false);
      this.store.reschedule(event, startTime, endTime);
      this.touch(event, now, true);
      this.notifyInterviewers(
        event,
        event.interviewers.map((i) => i.email),
        "interviewer.rescheduled",
      );
      this.queueReminder(event);
      return event;
    }
    if (input.addInterviewers) {
      const event = this.changeableEvent(actor, input.addInterviewers.id);
      const existing = event.interviewers.map((i) => i.email);
      const merged = mergeInterviewers(existing, input.addInterviewers.interviewers);
      const added = merged.slice(existing.length);
      if (event.interviewee && added.includes(event.interviewee.email)) {
        throw badInput("The interviewee cannot also be an interviewer.");
      }
      event.interviewers.push(...added.map((email) => ({ email, addedAt: now })));
      this.touch(event, now, false);
      this.notifyInterviewers(event, added, "interviewer.invitation");
      return event;
    }
    if (input.addInterviewee) {
      const event = this.changeableEvent(actor, input.addInterviewee.id);
      if (event.interviewee) {
        throw badInput(
          "The event already has an interviewee, and an interviewee cannot be changed: cancel the event and schedule a new one.",
        );
      }
      event.interviewee = this.checkInterviewee(
        input.addInterviewee.interviewee,
        event.interviewers.map((i) => i.email),
        now,
      );
      this.store.reindex(event);
      this.touch(event, now, false);
      this.queueReminder(event);
      return event;
    }
    if (input.setTitle) {
      const event = this.changeableEvent(actor, input.setTitle.id);
      event.title = requireText(input.setTitle.title, "title", LIMITS.title);
      this.touch(event, now, true);
      return event;
    }
    const { id, timezone } = input.setTimezone!;
    const event = this.changeableEvent(actor, id);
    event.timezone = requireTimeZone(timezone, "timezone");
    this.touch(event, now, true);
    return event;
  }

  cancelEvent(actor: Actor, id: string): StoredEvent {
    const event = this.eventFor(actor.employerId, id);
    if (event.status === "CANCELED") throw badInput(`The event '${id}' is already canceled.`);
    const now = this.clock.now();
    event.status = "CANCELED";
    event.canceledAt = now;
    this.touch(event, now, true);
    this.notifyInterviewers(
      event,
      event.interviewers.map((i) => i.email),
      "interviewer.canceled",
    );
    return event;
  }

  /** Holds an interview session: a new VirtualInterviewRecord on the event. */
  conductSession(event: StoredEvent, input: SessionInput): StoredSession {
    if (event.status === "CANCELED")
      throw new ApiError("BAD_USER_INPUT", "A canceled event cannot hold a session.");
    if (!event.interviewee)
      throw new ApiError("BAD_USER_INPUT", "The event has no interviewee to interview yet.");
    const endedAt = input.endedAt ?? this.clock.now();
    const session: StoredSession = {
      uuid: randomUUID(),
      startedAt: endedAt - (input.durationMs ?? event.endMs - event.startMs),
      endedAt,
      recording: input.recording,
      recordingReadyAt: endedAt + (input.processingMs ?? this.settings.recordingProcessingMs),
      decisions: [],
    };
    event.sessions.push(session);
    this.store.reindex(event);
    event.updatedAt = this.clock.now();
    return session;
  }

  /** Records (or replaces) an interviewer's decision on a session. */
  decide(event: StoredEvent, input: DecisionInput): StoredSession {
    const session = input.recordUuid
      ? event.sessions.find((s) => s.uuid === input.recordUuid)
      : event.sessions.at(-1);
    if (!session)
      throw badInput(
        input.recordUuid ? "No such record on this event." : "The event has no session yet.",
      );
    const email = requireEmail(input.interviewerEmail, "interviewerEmail");
    if (!event.interviewers.some((i) => i.email === email))
      throw badInput(`${email} is not an interviewer on this event.`);
    const decision = {
      interviewerEmail: email,
      value: input.value,
      noteText: optionalText(input.noteText, "noteText", 2000),
      decidedAt: this.clock.now(),
    };
    const existing = session.decisions.findIndex((d) => d.interviewerEmail === email);
    if (existing >= 0) session.decisions[existing] = decision;
    else session.decisions.push(decision);
    event.updatedAt = decision.decidedAt;
    return session;
  }

  recordingState(session: StoredSession): RecordingState {
    const now = this.clock.now();
    if (session.recording !== "available") return session.recording;
    if (now < session.recordingReadyAt) return "processing";
    if (now >= session.endedAt + this.settings.recordingRetentionMs) return "expired";
    return "available";
  }

  /** The API's `recordingUrl`: set once processing is done, and kept (its page expires instead). */
  recordingUrl(session: StoredSession): string | null {
    const state = this.recordingState(session);
    return state === "available" || state === "expired"
      ? `${this.baseUrl()}/_sandbox/recordings/${session.uuid}`
      : null;
  }

  /** Name and account of an interviewer, when the email belongs to a sandbox user. */
  person(email: string): { userId: string | null; name: string | null; email: string } {
    const user = this.directory.userByEmail(email);
    return { userId: user?.id ?? null, name: user?.name ?? null, email };
  }

  /** What Indeed's terms expect of the ATS that this event lacks. */
  termsNotices(event: StoredEvent): string[] {
    return event.interviewee
      ? []
      : [
          "No interviewee email was provided. Indeed's terms require the ATS to send the interviewee's email.",
        ];
  }

  /** Sends every interviewee reminder whose time has come on the virtual clock. */
  catchUpReminders(): void {
    const now = this.clock.now();
    let sent = 0;
    while (sent < this.reminders.length && this.reminders[sent]!.dueMs <= now) {
      const { dueMs, uuid } = this.reminders[sent]!;
      sent++;
      const event = this.store.get(uuid);
      if (!event || event.status !== "SCHEDULED" || !event.interviewee) continue;
      if (event.reminderSentForStartMs === event.startMs || this.reminderDue(event) !== dueMs)
        continue;
      event.reminderSentForStartMs = event.startMs;
      const lobbyUrl = this.lobbyUrl(event, "interviewee");
      this.outbox.add({
        eventUuid: event.uuid,
        employerId: event.employerId,
        kind: "interviewee.reminder",
        to: event.interviewee.email,
        subject: `Reminder: ${event.title} starts soon`,
        text: `Hello ${event.interviewee.name},\n\nYour interview "${event.title}" starts at ${localWhen(event.startMs, event.timezone)}.\nJoin from this link (no account needed): ${lobbyUrl}\n`,
        lobbyUrl,
        ics: null,
        at: dueMs,
      });
    }
    if (sent > 0) this.reminders.splice(0, sent);
  }

  snapshot(): InterviewState {
    return {
      events: [...this.store.all()],
      notifications: this.outbox.all(),
      settings: this.settings,
    };
  }

  load(state: InterviewState | undefined): void {
    this.store.load(state?.events ?? []);
    this.outbox.load(state?.notifications ?? []);
    this.settings = { ...DEFAULT_LIFECYCLE_SETTINGS, ...state?.settings };
    this.reminders = [];
    for (const event of this.store.all()) this.queueReminder(event, false);
    this.reminders.sort((a, b) => a.dueMs - b.dueMs);
  }

  private checkTimes(startMs: number, endMs: number, now: number, allowPast: boolean): void {
    if (endMs <= startMs) throw badInput("endTime must be after startTime.");
    if (endMs - startMs > MAX_EVENT_DURATION_MS) {
      throw badInput("An event can last at most 24 hours.");
    }
    if (!allowPast && startMs < now - PAST_START_GRACE_MS)
      throw badInput("startTime must not be in the past.");
  }

  private checkInterviewee(
    input: IntervieweeInput,
    interviewers: string[],
    now: number,
  ): StoredInterviewee {
    const email = requireEmail(input.email, "interviewee.email");
    if (interviewers.includes(email))
      throw badInput("The interviewee cannot also be an interviewer.");
    return {
      name: requireText(input.name, "interviewee.name", LIMITS.name),
      email,
      addedAt: now,
      lobbyToken: lobbyToken(),
    };
  }

  private changeableEvent(actor: Actor, id: string): StoredEvent {
    const event = this.eventFor(actor.employerId, id);
    if (event.status === "CANCELED")
      throw badInput(`The event '${id}' is canceled and cannot be changed.`);
    return event;
  }

  private touch(event: StoredEvent, now: number, calendarChanged: boolean): void {
    event.updatedAt = now;
    if (calendarChanged) event.sequence++;
  }

  private notifyInterviewers(
    event: StoredEvent,
    emails: string[],
    kind: Exclude<NotificationKind, "interviewee.reminder">,
  ): void {
    const now = this.clock.now();
    const lobbyUrl = this.lobbyUrl(event, "interviewer");
    const when = localWhen(event.startMs, event.timezone);
    const wording: Record<Exclude<NotificationKind, "interviewee.reminder">, [string, string]> = {
      "interviewer.invitation": [
        `Interview scheduled: ${event.title}`,
        `You were added as an interviewer for "${event.title}" on ${when}.`,
      ],
      "interviewer.rescheduled": [
        `Interview rescheduled: ${event.title}`,
        `"${event.title}" now takes place on ${when}.`,
      ],
      "interviewer.canceled": [
        `Interview canceled: ${event.title}`,
        `"${event.title}" on ${when} was canceled.`,
      ],
    };
    const [subject, sentence] = wording[kind];
    for (const email of emails) {
      this.outbox.add({
        eventUuid: event.uuid,
        employerId: event.employerId,
        kind,
        to: email,
        subject,
        text: `${sentence}\n\nJoin with your Indeed account: ${lobbyUrl}\nThe calendar item is attached.\n`,
        lobbyUrl,
        ics: calendarItem(
          event,
          email,
          lobbyUrl,
          kind === "interviewer.canceled" ? "CANCEL" : "REQUEST",
          now,
        ),
        at: now,
      });
    }
  }

  /** When the reminder for the event's current start goes out; null if it never will. */
  private reminderDue(event: StoredEvent): number | null {
    if (!event.interviewee || event.status !== "SCHEDULED") return null;
    const due = Math.max(event.startMs - this.settings.reminderLeadMs, event.interviewee.addedAt);
    return due < event.startMs ? due : null;
  }

  private queueReminder(event: StoredEvent, keepSorted = true): void {
    if (event.reminderSentForStartMs === event.startMs) return;
    const dueMs = this.reminderDue(event);
    if (dueMs === null) return;
    const entry = { dueMs, uuid: event.uuid };
    if (!keepSorted) {
      this.reminders.push(entry);
      return;
    }
    let lo = 0;
    let hi = this.reminders.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.reminders[mid]!.dueMs <= dueMs) lo = mid + 1;
      else hi = mid;
    }
    this.reminders.splice(lo, 0, entry);
  }

  /** Adds many events at once without notifications (the benchmark's synthetic load). */
  addSynthetic(events: StoredEvent[]): void {
    this.store.addMany(events);
  }
}

/** `first` listed first, then the new addresses in order, without duplicates; at most 49. */
function mergeInterviewers(first: string[], more: { email: string }[]): string[] {
  const merged = [...first];
  const seen = new Set(first);
  more.forEach((interviewer, i) => {
    const email = requireEmail(interviewer.email, `interviewers[${i}].email`);
    if (!seen.has(email)) {
      seen.add(email);
      merged.push(email);
    }
    if (merged.length > MAX_INTERVIEWERS) {
      throw badInput(
        `An event can have at most ${MAX_INTERVIEWERS} interviewers, the scheduler included.`,
      );
    }
  });
  return merged;
}

function lobbyToken(): string {
  return randomBytes(18).toString("base64url");
}
