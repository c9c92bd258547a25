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
