"use client";

import Link from "next/link";
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import { classNames } from "@/components/ui/class-names";
import type { CalendarDate } from "@/lib/calendar/calendar-date";
import { type CalendarEvent, isCanceled } from "@/lib/calendar/calendar-event";
import {
  formatDayHeading,
  formatHourLabel,
  formatTimeRange,
  formatWeekdayShort,
  zoneName,
} from "@/lib/calendar/format";
import type { CalendarLedger } from "@/lib/calendar/ledger-details";
import {
  layoutWeek,
  moveInWeek,
  WEEK_KEYS,
  type WeekKey,
  type WeekPosition,
} from "@/lib/calendar/week-layout";

const HOUR_HEIGHT_REM = 3;
const HOURS = Array.from({ length: 23 }, (_, index) => index + 1);

export interface WeekGridProps {
  events: readonly CalendarEvent[];
  /** The seven days shown, in order (`daysOf(weekContaining(...))`). */
  days: readonly CalendarDate[];
  /** The grid is laid out in the viewer's zone; labels follow `zoneMode`. */
  viewerZone: string;
  zoneMode: "viewer" | "event";
  /** Today in the viewer's zone, marked with aria-current="date". */
  today: CalendarDate;
  hideCanceled?: boolean;
  /** What Lobby's ledger knows of each event: the applicant, or that Lobby did not schedule it. */
  ledger?: CalendarLedger;
}

/**
 * A week of interviews: seven day columns with hour lines, each interview a link placed by its
 * time (lib/calendar/week-layout.ts), overlapping ones side by side. One link is in the tab
 * order at a time (roving tabindex): arrow keys move between interviews up and down a day and
 * across days, Home and End to the week's first and last, Enter opens one.
 */
export function WeekGrid({
  events,
  days,
  viewerZone,
  zoneMode,
  today,
  hideCanceled = false,
  ledger = new Map(),
}: WeekGridProps) {
  const columns = useMemo(() => {
    const shown = hideCanceled ? events.filter((event) => !isCanceled(event)) : events;
    return layoutWeek(shown, { days, zone: viewerZone });
  }, [events, days, viewerZone, hideCanceled]);
  const [focused, setFocused] = useState<WeekPosition | null>(null);
  const links = useRef(new Map<string, HTMLAnchorElement>());

  // The focused block, or the week's first while nothing (or something now gone) was focused.
  const active =
    focused && columns[focused.day]?.blocks[focused.index]
      ? focused
      : moveInWeek(columns, { day: 0, index: 0 }, "Home");
  const activeKey = columns[active.day]?.blocks[active.index]?.key;

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, at: WeekPosition) => {
    if (!WEEK_KEYS.has(event.key)) return;
    event.preventDefault();
    const next = moveInWeek(columns, at, event.key as WeekKey);
    setFocused(next);
    const key = columns[next.day]?.blocks[next.index]?.key;
    if (key) links.current.get(key)?.focus();
  };

  const gridHeight = `${24 * HOUR_HEIGHT_REM}rem`;

  return (
    <div
      role="region"
      aria-label={`Week of ${formatDayHeading(days[0]!)}`}
      className="max-h-[75vh] overflow-auto rounded-md border border-slate-200 bg-white"
    >
      <div className="grid min-w-[48rem] grid-cols-[4rem_repeat(7,minmax(0,1fr))]">
        <div className="sticky top-0 z-20 border-b border-slate-200 bg-white" />
        {columns.map((column) => (
          <div
            key={column.date}
            id={`week-day-${column.date}`}
            aria-current={column.date === today ? "date" : undefined}
            className={classNames(
              "sticky top-0 z-20 border-b border-l border-slate-200 px-2 py-2 text-center text-sm font-medium",
              column.date === today ? "bg-brand-50 text-brand-800" : "bg-white text-slate-900",
            )}
          >
            {formatWeekdayShort(column.date)}
            {column.date === today && <span className="sr-only"> (today)</span>}
          </div>
        ))}

        <div aria-hidden="true" className="relative" style={{ height: gridHeight }}>
          {HOURS.map((hour) => (
            <span
              key={hour}
              className="absolute right-2 -translate-y-1/2 text-xs text-slate-600"
              style={{ top: `${(hour / 24) * 100}%` }}
            >
              {formatHourLabel(hour)}
            </span>
          ))}
        </div>

        {columns.map((column, day) => (
          <section
            key={column.date}
            aria-labelledby={`week-day-${column.date}`}
            className={classNames(
              "relative border-l border-slate-200",
              column.date === today && "bg-brand-50/40",
            )}
            style={{ height: gridHeight }}
          >
            {/* The day's own hours: 23 or 25 lines' worth on a DST change day. */}
            {column.hourLines.map((line) => (
              <div
                key={line.at.toISOString()}
                aria-hidden="true"
                className="absolute inset-x-0 border-t border-slate-100"
                style={{ top: `${line.top * 100}%` }}
              />
            ))}
            {column.blocks.length === 0 && <p className="sr-only">No interviews</p>}
            {column.blocks.map((block, index) => {
              const shownZone =
                zoneMode === "event" && block.event.timezone ? block.event.timezone : viewerZone;
              const canceled = isCanceled(block.event);
              const known = ledger.get(block.event.id);
              return (
                <Link
                  key={block.key}
                  ref={(element) => {
                    if (element) links.current.set(block.key, element);
                    else links.current.delete(block.key);
                  }}
                  href={`/interviews/${encodeURIComponent(block.event.id)}`}
                  tabIndex={block.key === activeKey ? 0 : -1}
                  onKeyDown={(event) => onKeyDown(event, { day, index })}
                  onFocus={() => setFocused({ day, index })}
                  className={classNames(
                    "absolute overflow-hidden rounded border px-1.5 py-0.5 text-xs leading-tight",
                    "focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600",
                    canceled
                      ? "border-slate-300 bg-slate-100 text-slate-700"
                      : "border-brand-600 bg-brand-50 text-brand-800 hover:bg-brand-100",
                  )}
                  style={{
                    top: `${block.top * 100}%`,
                    height: `${block.height * 100}%`,
                    left: `${(block.column / block.columnCount) * 100}%`,
                    width: `${100 / block.columnCount}%`,
                  }}
                >
                  <span className="block font-medium">
                    {formatTimeRange(block.event.startTime, block.event.endTime, shownZone)}
                    <span className="sr-only">, {zoneName(shownZone)}</span>
                  </span>
                  <span className={classNames("block", canceled && "line-through")}>
                    {block.event.title || "Untitled interview"}
                  </span>
                  {canceled && <span className="sr-only">, canceled</span>}
                  <span className="block text-[0.7rem]">
                    {block.event.timezone
                      ? `Set in ${zoneName(block.event.timezone)}`
                      : "Indeed gave no time zone"}
                  </span>
                  {known?.applicantName && (
                    <span className="block text-[0.7rem]">{known.applicantName}</span>
                  )}
                  {known === null && (
                    <span className="block text-[0.7rem]">Not scheduled in Lobby</span>
                  )}
                </Link>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}
