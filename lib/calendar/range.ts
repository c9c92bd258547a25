import {
  addDays,
  type CalendarDate,
  dateInZone,
  daysBetween,
  parseCalendarDate,
  startOfDayInZone,
  startOfMonth,
  startOfNextMonth,
  startOfWeek,
  type Weekday,
} from "./calendar-date";
import type { RangeChoice } from "./search-query";

/**
 * The calendar's date ranges. A range is whole days in one IANA zone (the viewer's), and is
 * sent to Indeed as the UTC instants `[from, to)`: `from` is the first instant of the first day,
 * `to` the first instant of the day after the last, which matches Indeed's inclusive `after`
 * and exclusive `before`. Days are measured in the zone, so a range holding a DST change is an
 * hour shorter or longer than its days times 24 hours.
 */

export const RANGE_PRESETS = [
  "today",
  "this-week",
  "next-7-days",
  "last-7-days",
  "this-month",
  "last-30-days",
  "last-90-days",
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_PRESET_LABELS: Readonly<Record<RangePreset, string>> = {
  today: "Today",
  "this-week": "This week",
  "next-7-days": "Next 7 days",
  "last-7-days": "Last 7 days",
  "this-month": "This month",
  "last-30-days": "Last 30 days",
  "last-90-days": "Last 90 days",
};

/** Weeks start on Monday unless the employer's locale says otherwise. */
export const DEFAULT_WEEK_START: Weekday = 1;

export interface CalendarRange {
  zone: string;
  /** The first day shown, inclusive. */
  firstDay: CalendarDate;
  /** The last day shown, inclusive. */
  lastDay: CalendarDate;
  /** The first instant of `firstDay` in `zone`. */
  from: Date;
  /** The first instant after `lastDay` in `zone` (exclusive). */
  to: Date;
}

function daysRange(firstDay: CalendarDate, lastDay: CalendarDate, zone: string): CalendarRange {
  return {
    zone,
    firstDay,
    lastDay,
    from: startOfDayInZone(firstDay, zone),
    to: startOfDayInZone(addDays(lastDay, 1), zone),
  };
}

/**
 * A preset's days around `now` in `zone`. "Next 7 days" is today and the six after it; "last
 * 7 days" (30, 90) ends with today, so this morning's interviews are in it.
 */
export function presetRange(
  preset: RangePreset,
  {
    now,
    zone,
    weekStartsOn = DEFAULT_WEEK_START,
  }: { now: Date; zone: string; weekStartsOn?: Weekday },
): CalendarRange {
  const today = dateInZone(now, zone);
  switch (preset) {
    case "today":
      return daysRange(today, today, zone);
    case "this-week": {
      const first = startOfWeek(today, weekStartsOn);
      return daysRange(first, addDays(first, 6), zone);
    }
    case "next-7-days":
      return daysRange(today, addDays(today, 6), zone);
    case "last-7-days":
      return daysRange(addDays(today, -6), today, zone);
    case "this-month":
      return daysRange(startOfMonth(today), addDays(startOfNextMonth(today), -1), zone);
    case "last-30-days":
      return daysRange(addDays(today, -29), today, zone);
    case "last-90-days":
      return daysRange(addDays(today, -89), today, zone);
  }
}

/** Long enough for a year's review, short enough that an export of it stays bounded. */
export const MAX_CUSTOM_RANGE_DAYS = 366;

export type CustomRangeResult =
  { ok: true; range: CalendarRange } | { ok: false; field: "from" | "to"; message: string };

/** A range of whole days typed by the user: both dates inclusive, in `zone`. */
export function customRange(from: string, to: string, zone: string): CustomRangeResult {
  const firstDay = parseCalendarDate(from);
  if (!firstDay) return { ok: false, field: "from", message: "Enter a start date." };
  const lastDay = parseCalendarDate(to);
  if (!lastDay) return { ok: false, field: "to", message: "Enter an end date." };
  const days = daysBetween(firstDay, lastDay) + 1;
  if (days < 1) {
    return { ok: false, field: "to", message: "The end date must be on or after the start date." };
  }
  if (days > MAX_CUSTOM_RANGE_DAYS) {
    return {
      ok: false,
      field: "to",
      message: `Pick at most ${MAX_CUSTOM_RANGE_DAYS} days; this range has ${days}.`,
    };
  }
  return { ok: true, range: daysRange(firstDay, lastDay, zone) };
}

/** The days of a range in order, e.g. the week grid's columns. */
export function daysOf(range: Pick<CalendarRange, "firstDay" | "lastDay">): CalendarDate[] {
  const count = daysBetween(range.firstDay, range.lastDay) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(range.firstDay, index));
}

/** The week (7 days from `weekStartsOn`) holding a day, for the week grid of any range. */
export function weekContaining(
  date: CalendarDate,
  zone: string,
  weekStartsOn: Weekday = DEFAULT_WEEK_START,
): CalendarRange {
  const first = startOfWeek(date, weekStartsOn);
  return daysRange(first, addDays(first, 6), zone);
}

/**
 * The range a page's URL state asks for, in `zone`'s days around `now`: the calendar, the review
 * queue and the CSV export all read it here.
 */
export function calendarRange(
  state: { range: RangeChoice },
  zone: string,
  now: Date,
): CalendarRange {
  const choice = state.range;
  if (choice.preset !== "custom") return presetRange(choice.preset, { now, zone });
  const checked = customRange(choice.from, choice.to, zone);
  // The URL schemas keep only custom ranges that pass these checks.
  if (!checked.ok) throw new Error(`custom range refused: ${checked.message}`);
  return checked.range;
}
