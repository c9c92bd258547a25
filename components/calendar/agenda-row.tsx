import Link from "next/link";
import { InterviewStatusBadge } from "@/components/interviews/interview-status-badge";
import { Badge } from "@/components/ui/badge";
import { classNames } from "@/components/ui/class-names";
import type { AgendaRow } from "@/lib/calendar/agenda";
import { isCanceled } from "@/lib/calendar/calendar-event";
import { formatDayHeading, formatTimeRange, zoneName } from "@/lib/calendar/format";
import type { CalendarLedger } from "@/lib/calendar/ledger-details";

/** How the agenda shows its rows. */
export interface AgendaRowOptions {
  /** Days are the viewer's; times are in it or in each event's own zone. */
  viewerZone: string;
  zoneMode: "viewer" | "event";
  /** What Lobby's ledger knows of each event (see CalendarLedger). */
  ledger: CalendarLedger;
}

/** One agenda row, a day's heading or an interview, alike in the plain and the virtual list. */
export function AgendaRowView({
  row,
  viewerZone,
  zoneMode,
  ledger,
}: AgendaRowOptions & { row: AgendaRow }) {
  if (row.kind === "day") {
    return (
      <h3 className="sticky top-0 border-b border-slate-200 bg-slate-50 px-4 py-2.5 text-sm font-semibold text-slate-900">
        {formatDayHeading(row.date)}{" "}
        <span className="font-normal text-slate-700">
          · {row.count} {row.count === 1 ? "interview" : "interviews"}
        </span>
      </h3>
    );
  }
  const { event, continuesFromPreviousDay, continuesToNextDay } = row.entry;
  const canceled = isCanceled(event);
  const shownZone = zoneMode === "event" && event.timezone ? event.timezone : viewerZone;
  const known = ledger.get(event.id);
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-1 border-b border-slate-100 px-4 py-3">
      <div className="w-44 shrink-0 text-sm">
        <p className="font-medium text-slate-900">
          {formatTimeRange(event.startTime, event.endTime, shownZone)}
        </p>
        <p className="text-slate-700">{zoneName(shownZone)}</p>
        {(continuesFromPreviousDay || continuesToNextDay) && (
          <p className="text-slate-700">
            {continuesFromPreviousDay ? "Continued from the day before" : "Continues the next day"}
          </p>
        )}
      </div>
      <div className="min-w-0 flex-1">
        <Link
          href={`/interviews/${encodeURIComponent(event.id)}`}
          className={classNames(
            "font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600",
            canceled && "line-through",
          )}
        >
          {event.title || "Untitled interview"}
        </Link>
        {known && (known.applicantName || known.jobTitle) && (
          <p className="text-sm text-slate-800">
            {known.applicantName && known.applicationId ? (
              <Link
                href={`/applications/${known.applicationId}`}
                className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
              >
                {known.applicantName}
              </Link>
            ) : (
              known.applicantName
            )}
            {known.applicantName && known.jobTitle ? " · " : ""}
            {known.jobTitle}
          </p>
        )}
        <p className="text-sm text-slate-700">
          {event.timezone ? `Set in ${zoneName(event.timezone)}` : "Indeed gave no time zone"}
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        <InterviewStatusBadge status={event.status} />
        {/* Nothing until the ledger has answered, rather than a wrong "not scheduled". */}
        {known ? (
          <Badge tone="brand">Scheduled in Lobby</Badge>
        ) : known === null ? (
          <Badge>Not scheduled in Lobby</Badge>
        ) : null}
      </div>
    </div>
  );
}
