"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { type ReactNode, useEffect, useMemo, useRef } from "react";
import { InterviewStatusBadge } from "@/components/interviews/interview-status-badge";
import { Badge } from "@/components/ui/badge";
import { classNames } from "@/components/ui/class-names";
import { type AgendaRow, agendaRows, groupByDay } from "@/lib/calendar/agenda";
import type { CalendarDate } from "@/lib/calendar/calendar-date";
import { type CalendarEvent, isCanceled } from "@/lib/calendar/calendar-event";
import { formatDayHeading, formatTimeRange, zoneName } from "@/lib/calendar/format";
import type { CalendarLedger } from "@/lib/calendar/ledger-details";

/** Rows from the end at which the next page is asked for, so it arrives before it is needed. */
const PREFETCH_ROWS = 20;

export interface AgendaListProps {
  /** Every event fetched so far, in Indeed's order (the chosen sort). */
  events: readonly CalendarEvent[];
  /** Days are the viewer's; times are in it or in each event's own zone. */
  viewerZone: string;
  zoneMode: "viewer" | "event";
  order?: "asc" | "desc";
  /** The range's days: an event over its last midnight is not listed on the day after. */
  days?: { firstDay: CalendarDate; lastDay: CalendarDate };
  hideCanceled?: boolean;
  /** What Lobby's ledger knows of each event (see CalendarLedger). */
  ledger: CalendarLedger;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Called when the last rows come into view and another page exists. */
  onEndReached: () => void;
  /** Shown when no event is in the range. */
  empty: ReactNode;
  /** The viewport's size before the browser measures it: server rendering and tests. */
  initialRect?: { width: number; height: number };
}

/**
 * The agenda: day headings and interviews in one list, virtualised with TanStack Virtual so
 * that only the rows in view (and a few either side) are in the DOM, whatever the range holds
 * (docs/decisions/0040-calendar-virtualisation.md). Rows are measured as they render, so a long
 * title wrapping to two lines does not overlap the next row.
 */
export function AgendaList({
  events,
  viewerZone,
  zoneMode,
  order = "asc",
  days,
  hideCanceled = false,
  ledger,
  hasNextPage,
  isFetchingNextPage,
  onEndReached,
  empty,
  initialRect,
}: AgendaListProps) {
  const rows = useMemo(() => {
    const shown = hideCanceled ? events.filter((event) => !isCanceled(event)) : events;
    return agendaRows(groupByDay(shown, { zone: viewerZone, order, within: days }));
  }, [events, hideCanceled, viewerZone, order, days]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // useVirtualizer returns new functions each render, so the compiler rightly leaves this
  // component unmemoised; its rows are passed down as plain values.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "day" ? 44 : 76),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    initialRect,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows.length - 1 - PREFETCH_ROWS) {
      onEndReached();
    }
  }, [hasNextPage, isFetchingNextPage, lastShown, rows.length, onEndReached]);

  if (rows.length === 0 && !hasNextPage) return <>{empty}</>;

  return (
    <div className="flex flex-col gap-2">
      <div
        ref={scrollRef}
        // Focusable so keyboard users can scroll it; named so they know what it holds.
        tabIndex={0}
        role="region"
        aria-label="Interviews by day"
        className="h-[70vh] overflow-y-auto rounded-md border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <div role="list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                role="listitem"
                aria-posinset={item.index + 1}
                aria-setsize={hasNextPage ? -1 : rows.length}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <AgendaRowView
                  row={row}
                  viewerZone={viewerZone}
                  zoneMode={zoneMode}
                  ledger={ledger}
                />
              </div>
            );
          })}
        </div>
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {isFetchingNextPage ? "Loading more interviews…" : ""}
      </p>
    </div>
  );
}

function AgendaRowView({
  row,
  viewerZone,
  zoneMode,
  ledger,
}: {
  row: AgendaRow;
  viewerZone: string;
  zoneMode: "viewer" | "event";
  ledger: CalendarLedger;
}) {
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
