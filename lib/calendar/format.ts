import { withPlainSpaces } from "@/lib/scheduling/format-in-zone";
import type { CalendarDate } from "./calendar-date";

/**
 * Text for the calendar's views. Day headings format the calendar date itself (in UTC, where
 * its midnight is the date), so they read the same in every zone; times take the zone shown.
 */

const LOCALE = "en-US";

export function formatDayHeading(date: CalendarDate): string {
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "Mon 15": a week grid's column heading. */
export function formatWeekdayShort(date: CalendarDate): string {
  const weekday = new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", weekday: "short" }).format(
    new Date(`${date}T00:00:00Z`),
  );
  return `${weekday} ${Number(date.slice(8, 10))}`;
}

/** "9:00 – 10:30 AM" in `zone`; the dates are added when the range spans days. */
export function formatTimeRange(start: Date | string, end: Date | string, zone: string): string {
  return withPlainSpaces(
    new Intl.DateTimeFormat(LOCALE, {
      timeZone: zone,
      hour: "numeric",
      minute: "2-digit",
    }).formatRange(new Date(start), new Date(end)),
  );
}

/** "1 AM" … "11 PM": the week grid's hour labels. */
export function formatHourLabel(hour: number): string {
  return withPlainSpaces(
    new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", hour: "numeric" }).format(
      new Date(Date.UTC(2000, 0, 1, hour)),
    ),
  );
}

/** `America/New_York` as people read it: "America/New York". */
export function zoneName(zone: string): string {
  return zone.replaceAll("_", " ");
}
