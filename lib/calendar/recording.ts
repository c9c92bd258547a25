/**
 * Recordings of interview sessions. Indeed keeps a recording 90 days from the end of the
 * interview (its page shows an error after that, even though the API may still give the link),
 * so expiry is computed here from the event's end. Indeed answers `recordingUrl: null` alike
 * while the recording is processing, when the session was not recorded and when processing
 * failed: the status says which is likely from the time since the end, and never claims more.
 */

const DAY = 24 * 60 * 60 * 1000;

export const RECORDING_RETENTION_DAYS = 90;
/** The review queue's "recording expires within 14 days" filter. */
export const REVIEW_EXPIRY_WINDOW_DAYS = 14;
/** Recordings are usually ready a few minutes after the interview; past this, a null is news. */
export const RECORDING_PROCESSING_HOURS = 1;
/** Indeed's guide: a recording still missing this long after the interview is Indeed's to look into. */
export const RECORDING_SUPPORT_HOURS = 24;

type Instant = Date | string;
const time = (value: Instant) => new Date(value).getTime();

export function recordingExpiresAt(interviewEnd: Instant): Date {
  return new Date(time(interviewEnd) + RECORDING_RETENTION_DAYS * DAY);
}

export function isRecordingExpired(interviewEnd: Instant, now: Date): boolean {
  return now.getTime() >= recordingExpiresAt(interviewEnd).getTime();
}

/** Whole days left before expiry, rounded down (0 on its last day, and once expired). */
export function recordingDaysLeft(interviewEnd: Instant, now: Date): number {
  return Math.max(
    0,
    Math.floor((recordingExpiresAt(interviewEnd).getTime() - now.getTime()) / DAY),
  );
}

/** Not yet expired, and expiring within `days` × 24 hours of `now`. */
export function recordingExpiresWithin(interviewEnd: Instant, days: number, now: Date): boolean {
  const left = recordingExpiresAt(interviewEnd).getTime() - now.getTime();
  return left > 0 && left <= days * DAY;
}

export type RecordingStatus =
  | { kind: "available"; url: string; daysLeft: number; expiresAt: Date }
  | { kind: "expired"; expiresAt: Date }
  /** The interview has not ended yet. */
  | { kind: "upcoming" }
  /** Ended less than RECORDING_PROCESSING_HOURS ago: most likely still processing. */
  | { kind: "processing" }
  /**
   * Ended a while ago and still no link: not recorded, or processing failed. Also past the 90
   * days: with no link there is nothing to call expired.
   */
  | { kind: "missing" };

export function recordingStatus(
  session: { recordingUrl?: string | null },
  interviewEnd: Instant,
  now: Date,
): RecordingStatus {
  const expiresAt = recordingExpiresAt(interviewEnd);
  if (session.recordingUrl) {
    if (isRecordingExpired(interviewEnd, now)) return { kind: "expired", expiresAt };
    return {
      kind: "available",
      url: session.recordingUrl,
      daysLeft: recordingDaysLeft(interviewEnd, now),
      expiresAt,
    };
  }
  const sinceEnd = now.getTime() - time(interviewEnd);
  if (sinceEnd < 0) return { kind: "upcoming" };
  return sinceEnd < RECORDING_PROCESSING_HOURS * 60 * 60 * 1000
    ? { kind: "processing" }
    : { kind: "missing" };
}

/** "59 days left", "1 day left", "Less than a day left". */
export function daysLeftText(days: number): string {
  if (days === 0) return "Less than a day left";
  return `${days} ${days === 1 ? "day" : "days"} left`;
}

const NO_RECORDING_YET =
  "Indeed shows no recording until it is processed, usually a few minutes after the interview.";

/** What to tell the recruiter, in one or two sentences. */
export function recordingStatusText(status: RecordingStatus): string {
  switch (status.kind) {
    case "available":
      if (status.daysLeft === 0) return "Recording available; it expires within a day.";
      return `Recording available for ${status.daysLeft} more ${status.daysLeft === 1 ? "day" : "days"}.`;
    case "expired":
      return `Recording expired: Indeed keeps recordings ${RECORDING_RETENTION_DAYS} days after the interview.`;
    case "upcoming":
      return `No recording yet: the interview has not ended. ${NO_RECORDING_YET}`;
    case "processing":
      return `No recording yet: it is probably still processing. ${NO_RECORDING_YET}`;
    case "missing":
      return `No recording. Indeed does not say why: the session may not have been recorded, or processing failed. If it was recorded and is still missing ${RECORDING_SUPPORT_HOURS} hours after the interview, contact Indeed.`;
  }
}
