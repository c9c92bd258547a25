"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type CalendarDate, addDays, dateInZone, startOfWeek } from "@/lib/calendar/calendar-date";
import type { CalendarEvent } from "@/lib/calendar/calendar-event";
import type { CalendarLedger } from "@/lib/calendar/ledger-details";
import {
  type CalendarRange,
  DEFAULT_WEEK_START,
  daysOf,
  weekContaining,
} from "@/lib/calendar/range";
import type { CalendarState } from "@/lib/calendar/search-params";
import { WeekGrid } from "./week-grid";

/** The weeks of the range, one at a time (the grid is at most a week wide). */
export function WeekView({
  range,
  viewerZone,
  state,
  now,
  events,
  ledger,
  loadingMore,
}: {
  range: CalendarRange;
  viewerZone: string;
  state: CalendarState;
  now: Date;
  events: readonly CalendarEvent[];
  ledger: CalendarLedger;
  loadingMore: boolean;
}) {
  const firstWeek = startOfWeek(range.firstDay, DEFAULT_WEEK_START);
  const lastWeek = startOfWeek(range.lastDay, DEFAULT_WEEK_START);
  const today = dateInZone(now, viewerZone);
  // Today's week when it is in the range, else the range's first.
  const initial: CalendarDate =
    today >= range.firstDay && today <= range.lastDay
      ? startOfWeek(today, DEFAULT_WEEK_START)
      : firstWeek;
  const [weekStart, setWeekStart] = useState<CalendarDate>(initial);
  const shownWeek = weekStart < firstWeek || weekStart > lastWeek ? firstWeek : weekStart;
  const days = daysOf(weekContaining(shownWeek, viewerZone));

  return (
    <div className="space-y-3">
      {firstWeek !== lastWeek && (
        <div className="flex items-center gap-3">
          <Button
            variant="outline"
            size="sm"
            disabled={shownWeek <= firstWeek}
            onClick={() => setWeekStart(addDays(shownWeek, -7))}
          >
            Previous week
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={shownWeek >= lastWeek}
            onClick={() => setWeekStart(addDays(shownWeek, 7))}
          >
            Next week
          </Button>
        </div>
      )}
      <WeekGrid
        events={events}
        days={days}
        viewerZone={viewerZone}
        zoneMode={state.zone}
        today={today}
        hideCanceled={state.canceled === "hide"}
        ledger={ledger}
      />
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {loadingMore ? "Loading more interviews…" : ""}
      </p>
    </div>
  );
}
