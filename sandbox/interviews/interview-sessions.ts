import { randomUUID } from "node:crypto";
import type { VirtualClock } from "../core/clock";
import { ApiError, badInput } from "./api-error";
import {
  sessionParticipants,
  type DecisionValue,
  type RecordingMode,
  type StoredEvent,
  type StoredSession,
} from "./event-model";
import type { EventStore } from "./event-store";
import { optionalText, requireEmail } from "./input-rules";
import type { LifecycleSettings } from "./lifecycle-settings";

export interface SessionInput {
  recording: RecordingMode;
  /** When the session ended; defaults to now. */
  endedAt?: number;
  durationMs?: number;
  /** Overrides the processing delay for this one recording. */
  processingMs?: number;
  /** Who joined, by email; defaults to every interviewer of the event. */
  interviewerEmails?: string[];
}

export interface DecisionInput {
  /** The session (record) uuid; defaults to the latest session. */
  recordUuid?: string;
  interviewerEmail: string;
  value: DecisionValue;
  noteText?: string | null;
}

export type RecordingState = "none" | "processing" | "available" | "failed" | "expired";

/**
 * Interviews held on an event (Indeed's VirtualInterviewRecord), their recordings and the
 * interviewers' decisions. A recording's state is derived from the virtual clock on every
 * read, so it processes and expires without a timer.
 */
export class InterviewSessions {
  constructor(
    private readonly clock: VirtualClock,
    private readonly store: EventStore,
    private readonly settings: LifecycleSettings,
    private readonly baseUrl: () => string,
  ) {}

  /** Holds an interview session: a new VirtualInterviewRecord on the event. */
  conduct(event: StoredEvent, input: SessionInput): StoredSession {
    if (event.status === "CANCELED")
      throw new ApiError("BAD_USER_INPUT", "A canceled event cannot hold a session.");
    if (!event.interviewee)
      throw new ApiError("BAD_USER_INPUT", "The event has no interviewee to interview yet.");
    const invited = event.interviewers.map((i) => i.email);
    const joined = input.interviewerEmails
      ? [...new Set(input.interviewerEmails.map((e, i) => requireEmail(e, `interviewers[${i}]`)))]
      : invited;
    if (joined.length === 0) throw badInput("At least one interviewer must join the session.");
    const stranger = joined.find((email) => !invited.includes(email));
    if (stranger) throw badInput(`${stranger} is not an interviewer on this event.`);
    const endedAt = input.endedAt ?? this.clock.now();
    const session: StoredSession = {
      uuid: randomUUID(),
      startedAt: endedAt - (input.durationMs ?? event.endMs - event.startMs),
      endedAt,
      recording: input.recording,
      recordingReadyAt: endedAt + (input.processingMs ?? this.settings.recordingProcessingMs),
      decisions: [],
      interviewerEmails: joined,
      recordingMailSentAt: null,
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

  /** Only interviewers who took part in the interview can view its recording (the guide). */
  mayWatch(event: StoredEvent, session: StoredSession, email: string): boolean {
    return sessionParticipants(event, session).includes(email.toLowerCase());
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
}
