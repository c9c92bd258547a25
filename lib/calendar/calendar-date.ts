/**
 * Calendar dates (`YYYY-MM-DD`, a day with no zone) and the instants a day spans in a zone.
 *
 * Date arithmetic is done on the date's own fields through `Date.UTC`, never with local-time
 * `Date` methods (or date-fns' `addDays`, which uses them): those follow the machine's zone and
 * shift by an hour across its DST changes. A day in a zone starts at its first instant, which
 * is usually local midnight, and ends where the next day starts, so a day lasts 23, 24 or 25
 * hours (docs/decisions/0021-time-zones-and-dst.md).
 */

export type CalendarDate = string;

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay` and date-fns' `weekStartsOn`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function dateAtUtcMidnight(date: CalendarDate): Date {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function formatUtcDate(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}

/** The same date when `value` is a real `YYYY-MM-DD` date (not 2026-02-30), else undefined. */
export function parseCalendarDate(value: string): CalendarDate | undefined {
  if (!DATE_PATTERN.test(value)) return undefined;
  return formatUtcDate(dateAtUtcMidnight(value)) === value ? value : undefined;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return formatUtcDate(new Date(dateAtUtcMidnight(date).getTime() + days * DAY_MS));
}

export function weekdayOf(date: CalendarDate): Weekday {
  return dateAtUtcMidnight(date).getUTCDay() as Weekday;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((dateAtUtcMidnight(to).getTime() - dateAtUtcMidnight(from).getTime()) / DAY_MS);
}

/** The first day of the week that contains `date`, weeks starting on `weekStartsOn`. */
export function startOfWeek(date: CalendarDate, weekStartsOn: Weekday): CalendarDate {
  return addDays(date, -((weekdayOf(date) - weekStartsOn + 7) % 7));
}

export function startOfMonth(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 8)}01`;
}

export function startOfNextMonth(date: CalendarDate): CalendarDate {
  const first = dateAtUtcMidnight(startOfMonth(date));
  return formatUtcDate(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)));
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting, and
// the agenda asks for the date of every event. Bounded by the number of zones.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The date the wall clock of `zone` shows at `instant`. */
export function dateInZone(instant: Date, zone: string): CalendarDate {
  let formatter = dateFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, in milliseconds, from Intl's "GMT+05:45" name. */
function offsetMsAt(at: number, zone: string): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(at).find((part) => part.type === "timeZoneName")?.value;
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? "");
  if (!match) return 0; // "GMT" alone: UTC itself.
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === "-" ? -1 : 1) * minutes * 60_000;
}

/**
 * The first instant of `date` in `zone`: local midnight, or its first occurrence when the
 * clocks fall back over it. Where the clocks spring forward over midnight (America/Santiago,
 * Asia/Beirut) the day starts at the jump, at the offset in force before it.
 *
 * The same candidate-offset method as `resolveLocalTime` in lib/scheduling/time.ts, with cached
 * formatters: that one builds its formatters on each call (about 2.5 ms), too slow for grouping
 * a thousand events by day.
 */
export function startOfDayInZone(date: CalendarDate, zone: string): Date {
  const wallAsUtc = dateAtUtcMidnight(date).getTime();
  const candidates = new Set(
    [wallAsUtc - DAY_MS, wallAsUtc, wallAsUtc + DAY_MS].map((at) => offsetMsAt(at, zone)),
  );
  const real = [...candidates]
    .map((offset) => wallAsUtc - offset)
    .filter((at) => offsetMsAt(at, zone) === wallAsUtc - at);
  if (real.length > 0) return new Date(Math.min(...real));
  return new Date(wallAsUtc - offsetMsAt(wallAsUtc - DAY_MS, zone));
}

/** The instants `[from, to)` that `date` spans in `zone`. */
export function dayInZone(date: CalendarDate, zone: string): { from: Date; to: Date } {
  return { from: startOfDayInZone(date, zone), to: startOfDayInZone(addDays(date, 1), zone) };
}

/** `startOfDayInZone` for one zone, remembering each day: for grouping many events at once. */
export function dayStartsInZone(zone: string): (date: CalendarDate) => Date {
  const starts = new Map<CalendarDate, Date>();
  return (date) => {
    let start = starts.get(date);
    if (!start) {
      start = startOfDayInZone(date, zone);
      starts.set(date, start);
    }
    return start;
  };
}
