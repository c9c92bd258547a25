import type { StoredEvent } from "./event-model";
import type { EventStore } from "./event-store";
import type { IntervieweeReminders } from "./interviewee-reminders";
import { DEFAULT_LIFECYCLE_SETTINGS, type LifecycleSettings } from "./lifecycle-settings";
import type { Notification, Outbox } from "./outbox";
import type { RecordingMail } from "./recording-mail";

/** The Interview API's slice of `state.json` (0031: trusted as written, not re-validated). */
export interface InterviewState {
  events: StoredEvent[];
  notifications: Notification[];
  settings: LifecycleSettings;
}

/** What is persisted, and the pending reminders derived from it on load. */
export interface PersistedParts {
  store: EventStore;
  outbox: Outbox;
  /** Changed in place: the other parts hold the same object. */
  settings: LifecycleSettings;
  reminders: IntervieweeReminders;
  recordingMail: RecordingMail;
}

export function snapshotInterviews(parts: PersistedParts): InterviewState {
  return {
    events: [...parts.store.all()],
    notifications: parts.outbox.all(),
    settings: parts.settings,
  };
}

/** Restores a snapshot, or empties everything when there is none (first start, reset). */
export function restoreInterviews(parts: PersistedParts, state: InterviewState | undefined): void {
  parts.store.load(state?.events ?? []);
  parts.outbox.load(state?.notifications ?? []);
  // Spread first: `state.settings` may be this very object.
  Object.assign(parts.settings, { ...DEFAULT_LIFECYCLE_SETTINGS, ...state?.settings });
  parts.reminders.rebuild(parts.store.all());
  parts.recordingMail.rebuild(parts.store.all());
}
