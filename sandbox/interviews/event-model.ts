/** What the sandbox stores about a virtual interview event (all times are epoch ms, virtual clock). */

export type EventStatus = "SCHEDULED" | "CANCELED";
export type MediaType = "VIDEO" | "PHONE";
export type DecisionValue = "YES" | "MAYBE" | "NO";
export type RecordingMode = "available" | "failed" | "none";

export const DECISION_VALUES: readonly DecisionValue[] = ["YES", "MAYBE", "NO"];
export const RECORDING_MODES: readonly RecordingMode[] = ["available", "failed", "none"];

export interface StoredInterviewer {
  /** Lower-cased; the key interviewers are deduplicated on. */
  email: string;
  addedAt: number;
}

export interface StoredInterviewee {
  name: string;
  email: string;
  addedAt: number;
  /** The interviewee's lobby link token; the lobby needs no sign-in. */
  lobbyToken: string;
}

export interface StoredDecision {
  interviewerEmail: string;
  value: DecisionValue;
  noteText: string | null;
  decidedAt: number;
}

/** One interview session: Indeed's VirtualInterviewRecord. */
export interface StoredSession {
  uuid: string;
  startedAt: number;
  endedAt: number;
  recording: RecordingMode;
  /** When an `available` recording finishes processing. */
  recordingReadyAt: number;
  decisions: StoredDecision[];
  /**
   * The interviewers who took part (lower-cased emails): only they may watch the recording.
   * Absent in state saved before the sandbox tracked it: then every interviewer of the event.
   */
  interviewerEmails?: string[];
  /** When Indeed e-mailed the recording link to them (virtual time); absent or null: not yet. */
  recordingMailSentAt?: number | null;
}

/** Who took part in a session (see `StoredSession.interviewerEmails`). */
export function sessionParticipants(event: StoredEvent, session: StoredSession): string[] {
  return session.interviewerEmails ?? event.interviewers.map((i) => i.email);
}

export interface RequestMetadata {
  atsName: string;
  employerName: string | null;
  jobId: string | null;
  jobTitle: string | null;
}

export interface StoredEvent {
  uuid: string;
  employerId: string;
  /** The OAuth user and client that scheduled it. */
  createdByUserId: string;
  createdByClientId: string;
  status: EventStatus;
  mediaType: MediaType;
  title: string;
  startMs: number;
  endMs: number;
  timezone: string;
  languageCode: string | null;
  countryCode: string | null;
  interviewers: StoredInterviewer[];
  interviewee: StoredInterviewee | null;
  requestMetadata: RequestMetadata;
  interviewerLobbyToken: string;
  sessions: StoredSession[];
  createdAt: number;
  updatedAt: number;
  canceledAt: number | null;
  /** Bumped on every change the calendar items carry (ICS SEQUENCE). */
  sequence: number;
  /** The start time the interviewee's reminder went out for, so a reschedule sends another. */
  reminderSentForStartMs: number | null;
}

/** The longest event Indeed accepts. */
export const MAX_EVENT_DURATION_MS = 24 * 60 * 60 * 1000;
export const MAX_INTERVIEWERS = 49;
