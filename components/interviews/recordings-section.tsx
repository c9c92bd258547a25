import {
  daysLeftText,
  RECORDING_RETENTION_DAYS,
  recordingStatus,
  recordingStatusText,
} from "@/lib/calendar/recording";
import type { SessionFields } from "@/lib/calendar/decisions";
import { formatInZone } from "@/lib/scheduling/time";

export interface RecordingsSectionProps {
  sessions: ReadonlyArray<Pick<SessionFields, "id" | "recordingUrl">>;
  /** The interview's end, from which Indeed's 90 days are counted; null when Indeed sent none. */
  interviewEnd: string | null;
  /** Lobby's clock (ADR 0046). */
  now: Date;
  /** The event's zone, for the expiry date. */
  zone: string;
}

function SessionRecording({
  session,
  interviewEnd,
  now,
  zone,
}: Omit<RecordingsSectionProps, "sessions"> & {
  session: RecordingsSectionProps["sessions"][number];
}) {
  if (!interviewEnd) {
    return (
      <p className="text-slate-700">
        Indeed did not return when the interview ended, so Lobby cannot tell the recording&apos;s
        state.
      </p>
    );
  }
  const status = recordingStatus(session, interviewEnd, now);
  switch (status.kind) {
    case "available":
      return (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <a
            href={status.url}
            target="_blank"
            rel="noreferrer"
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            Watch recording
          </a>
          <span className="text-slate-800">{daysLeftText(status.daysLeft)}</span>
          <span className="text-sm text-slate-700">
            (expires {formatInZone(status.expiresAt, zone)})
          </span>
        </div>
      );
    case "expired":
      return (
        <div className="space-y-1">
          <p className="font-medium text-slate-800">Recording expired</p>
          <p className="text-sm text-slate-700">
            Expired {formatInZone(status.expiresAt, zone)}: Indeed keeps recordings{" "}
            {RECORDING_RETENTION_DAYS} days after the interview.
          </p>
        </div>
      );
    default:
      return <p className="text-slate-800">{recordingStatusText(status)}</p>;
  }
}

/** Each session's recording: a link with the days left, expired, or why there is none. */
export function RecordingsSection({ sessions, interviewEnd, now, zone }: RecordingsSectionProps) {
  return (
    <section aria-labelledby="recordings-heading" className="space-y-3">
      <h2 id="recordings-heading" className="text-lg font-semibold">
        Recordings
      </h2>
      {sessions.length === 0 ? (
        <p className="text-slate-700" data-testid="no-sessions">
          Indeed lists no session for this interview yet. Once it has been held, its recording
          appears here, usually a few minutes after the interview ends.
        </p>
      ) : (
        <>
          <ol className="space-y-3" data-testid="recordings">
            {sessions.map((session, index) => (
              <li key={session.id ?? index} className="space-y-1">
                <h3 className="font-semibold">Session {index + 1}</h3>
                <SessionRecording
                  session={session}
                  interviewEnd={interviewEnd}
                  now={now}
                  zone={zone}
                />
              </li>
            ))}
          </ol>
          <p className="text-sm text-slate-700">
            Only the interviewers who took part in a session can watch its recording, even with the
            link. Indeed keeps recordings {RECORDING_RETENTION_DAYS} days from the end of the
            interview.
          </p>
        </>
      )}
    </section>
  );
}
