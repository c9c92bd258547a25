import { addDays, type CalendarDate, dateInZone, dayStartsInZone } from "./calendar-date";
import type { CalendarEvent } from "./calendar-event";

/**
 * The agenda: events grouped by the days they touch in one zone (the viewer's). An event over
 * midnight is listed on every day it touches, marked as continuing from or to another day; an
 * event ending exactly at midnight does not touch the next day. Within a day events keep the
 * order Indeed returned (the chosen sort); the days run in `order`.
 */

export interface AgendaEntry {
  event: CalendarEvent;
  /** Started on an earlier day (shown "continued"). */
  continuesFromPreviousDay: boolean;
  /** Ends on a later day. */
  continuesToNextDay: boolean;
}

export interface AgendaDay {
  date: CalendarDate;
  entries: AgendaEntry[];
}

/** A flat row of the virtualised list: a day's header or one of its entries. */
export type AgendaRow =
  | { kind: "day"; key: string; date: CalendarDate; count: number }
  | { kind: "event"; key: string; date: CalendarDate; entry: AgendaEntry };

/** Days an event touches in `zone`: its end is exclusive, a zero-length event has its start day. */
function daysTouched(
  event: CalendarEvent,
  zone: string,
  startOfDay: (date: CalendarDate) => Date,
): CalendarDate[] {
  const start = new Date(event.startTime);
  const end = new Date(event.endTime);
  const first = dateInZone(start, zone);
  const days = [first];
  for (let day = addDays(first, 1); startOfDay(day) < end; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

export function groupByDay(
  events: readonly CalendarEvent[],
  {
    zone,
    order = "asc",
    within,
  }: {
    zone: string;
    order?: "asc" | "desc";
    /** Only days in this span (the range asked for): a late event's next morning is outside it. */
    within?: { firstDay: CalendarDate; lastDay: CalendarDate };
  },
): AgendaDay[] {
  const byDate = new Map<CalendarDate, AgendaEntry[]>();
  const startOfDay = dayStartsInZone(zone);
  for (const event of events) {
    const days = daysTouched(event, zone, startOfDay);
    days.forEach((date, index) => {
      if (within && (date < within.firstDay || date > within.lastDay)) return;
      const entries = byDate.get(date) ?? [];
      entries.push({
        event,
        continuesFromPreviousDay: index > 0,
        continuesToNextDay: index < days.length - 1,
      });
      byDate.set(date, entries);
    });
  }
  const dates = [...byDate.keys()].sort();
  if (order === "desc") dates.reverse();
  return dates.map((date) => ({ date, entries: byDate.get(date)! }));
}

export function agendaRows(days: readonly AgendaDay[]): AgendaRow[] {
  return days.flatMap((day): AgendaRow[] => [
    { kind: "day", key: `day:${day.date}`, date: day.date, count: day.entries.length },
    ...day.entries.map((entry): AgendaRow => ({
      kind: "event",
      key: `event:${day.date}:${entry.event.id}`,
      date: day.date,
      entry,
    })),
  ]);
}
