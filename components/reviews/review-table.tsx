import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { daysLeftText } from "@/lib/calendar/recording";
import { present, type Maybe } from "@/lib/calendar/decisions";
import type { ReviewRecording, ReviewRow } from "@/lib/calendar/review-queue";
import { formatInZone, formatRangeInZone } from "@/lib/scheduling/time";

/** The fields of a review event a row shows. */
export interface ReviewTableEvent {
  id: string;
  title?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timezone?: string | null;
  intervieweesConnection?: Maybe<{
    interviewees?: Maybe<ReadonlyArray<Maybe<{ name?: Maybe<string> }>>>;
  }>;
}

/** What Lobby's ledger knows about an event: the application it was scheduled for. */
export interface ReviewApplicant {
  applicationId: string | null;
  applicantName: string | null;
}

export interface ReviewTableProps {
  rows: ReadonlyArray<ReviewRow<ReviewTableEvent>>;
  applicants: ReadonlyMap<string, ReviewApplicant>;
}

function RecordingCell({ recording, zone }: { recording: ReviewRecording; zone: string }) {
  switch (recording.kind) {
    case "available":
      return (
        <>
          {daysLeftText(recording.daysLeft)}
          <div className="text-slate-700">until {formatInZone(recording.expiresAt, zone)}</div>
        </>
      );
    case "expired":
      return <>Expired</>;
    case "none":
      return <>No recording yet</>;
  }
}

function Applicant({
  ledger,
  intervieweeName,
}: {
  ledger: ReviewApplicant | undefined;
  intervieweeName: string | undefined;
}) {
  if (ledger?.applicationId && ledger.applicantName) {
    return (
      <Link
        href={`/applications/${ledger.applicationId}`}
        className="text-brand-700 underline-offset-2 hover:underline"
      >
        {ledger.applicantName}
      </Link>
    );
  }
  return <>{intervieweeName ?? "No interviewee"}</>;
}

/** Past interviews, newest first: who, the decisions so far, and the recording's days left. */
export function ReviewTable({ rows, applicants }: ReviewTableProps) {
  return (
    <DataTable
      caption="Interviews to review"
      columns={["Interview", "When", "Applicant", "Decisions", "Recording"]}
    >
      {rows.map(({ event, decisions, undecided, held, recording }) => {
        const zone = event.timezone ?? "UTC";
        const intervieweeName =
          present(event.intervieweesConnection?.interviewees)[0]?.name ?? undefined;
        return (
          <tr key={event.id} data-testid="review-row">
            <td className="px-4 py-3">
              <Link
                href={`/interviews/${encodeURIComponent(event.id)}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {event.title || "Interview"}
              </Link>
            </td>
            <td className="px-4 py-3 text-slate-800">
              {event.startTime && event.endTime
                ? formatRangeInZone(event.startTime, event.endTime, zone)
                : "Times not returned"}
              <div className="text-slate-700">{zone}</div>
            </td>
            <td className="px-4 py-3 text-slate-800">
              <Applicant ledger={applicants.get(event.id)} intervieweeName={intervieweeName} />
            </td>
            <td className="px-4 py-3 text-slate-800">
              {decisions.length > 0
                ? decisions.map((decision) => `${decision.name}: ${decision.label}`).join(" · ")
                : held
                  ? "None yet"
                  : "No session held"}
              {held && undecided.length > 0 && (
                <div className="text-slate-700">Not decided yet: {undecided.join(", ")}</div>
              )}
            </td>
            <td className="px-4 py-3 text-slate-800">
              <RecordingCell recording={recording} zone={zone} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
