import { formatInTimeZone } from "date-fns-tz";
import { asDate, currentZoneName } from "./format-in-zone";
import { isTimeZone } from "./is-time-zone";

// Formatting for display has no date-fns in it: its own module, so pages that only show times
// do not load date-fns-tz (docs/decisions/0091).
export {
  currentZoneName,
  formatInZone,
  formatRangeInZone,
  RENAMED_TIME_ZONES,
} from "./format-in-zone";

/**
 * Local times and instants. A local date and time means nothing without an IANA zone, so every
 * function here takes the zone explicitly and none reads the machine's zone: results are the
 * same on any server or browser. Instants travel as ISO-8601 strings with the zone's offset
 * (`2026-03-08T10:30:00-07:00`), the form Indeed's API takes.
 *
 * Daylight-saving edges (docs/decisions/0021-time-zones-and-dst.md):
 * - a local time that does not exist (the clock jumps over it) is refused with a clear error;
 * - a local time that happens twice (the clock falls back) resolves to the first occurrence,
 *   the earlier instant, which keeps the offset in effect before the change; callers show it.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type LocalTimeResolution =
  | {
      ok: true;
      /** The instant as ISO-8601 with the zone's offset, seconds included. */
      iso: string;
      instant: Date;
      /** The zone's offset at that instant, e.g. `-07:00`. */
      offset: string;
      /** Set when the local time occurs twice; `iso` is the first occurrence. */
      ambiguous?: { laterIso: string; laterOffset: string };
    }
  | {
      ok: false;
      reason: "invalid_date" | "invalid_time" | "invalid_zone" | "nonexistent";
      message: string;
    };

/** Parses `YYYY-MM-DD`, refusing dates that do not exist (2026-02-30). */
function parseDate(date: string): { year: number; month: number; day: number } | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined;
  }
  return { year, month, day };
}

function parseTime(time: string): { hour: number; minute: number } | undefined {
  const match = TIME_PATTERN.exec(time);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/**
 * The zone's UTC offset at an instant, in milliseconds. Read from formatInTimeZone rather than
 * date-fns-tz's getTimezoneOffset, which gave offsets an hour off around DST changes here.
 */
function zoneOffsetMs(zone: string, at: number): number {
  const offset = formatInTimeZone(new Date(at), zone, "xxx");
  const sign = offset.startsWith("-") ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(":").map(Number);
  return sign * ((hours ?? 0) * HOUR + (minutes ?? 0) * MINUTE);
}

/** `YYYY-MM-DDTHH:mm:ss±hh:mm` in `zone`; `+00:00` rather than `Z` for UTC. */
export function toZonedIso(instant: Date, zone: string): string {
  return formatInTimeZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssxxx");
}

export function offsetOf(instant: Date, zone: string): string {
  return formatInTimeZone(instant, zone, "xxx");
}

/**
 * The instant a wall-clock `date` + `time` in `zone` stands for. Candidate offsets are the
 * zone's offsets a day either side; a candidate is real when the zone, at the instant it
 * gives, really has that offset. None real: the time falls in a gap; two: in an overlap.
 */
export function resolveLocalTime(date: string, time: string, zone: string): LocalTimeResolution {
  if (!isTimeZone(zone)) {
    return {
      ok: false,
      reason: "invalid_zone",
      message: `“${zone}” is not a time zone we know. Pick one from the list.`,
    };
  }
  const day = parseDate(date);
  if (!day)
    return { ok: false, reason: "invalid_date", message: "Enter a real date as YYYY-MM-DD." };
  const clock = parseTime(time);
  if (!clock)
    return { ok: false, reason: "invalid_time", message: "Enter a time as HH:MM (24-hour)." };

  const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute);
  const candidateOffsets = new Set(
    [wallAsUtc - 24 * HOUR, wallAsUtc, wallAsUtc + 24 * HOUR].map((at) => zoneOffsetMs(zone, at)),
  );
  const instants = [...candidateOffsets]
    .map((offsetMs) => wallAsUtc - offsetMs)
    .filter((at) => zoneOffsetMs(zone, at) === wallAsUtc - at)
    .sort((a, b) => a - b);

  const first = instants[0];
  if (first === undefined) {
    return {
      ok: false,
      reason: "nonexistent",
      message: `${time} on ${date} does not exist in ${zone}: the clocks skip that hour for daylight saving time. Pick another time.`,
    };
  }
  const instant = new Date(first);
  const result: LocalTimeResolution = {
    ok: true,
    iso: toZonedIso(instant, zone),
    instant,
    offset: offsetOf(instant, zone),
  };
  const later = instants[instants.length - 1];
  if (later !== undefined && later !== first) {
    const laterInstant = new Date(later);
    result.ambiguous = {
      laterIso: toZonedIso(laterInstant, zone),
      laterOffset: offsetOf(laterInstant, zone),
    };
  }
  return result;
}

/** The wall-clock date (`YYYY-MM-DD`) and time (`HH:mm`) of an instant in `zone`. */
export function toLocalParts(instant: Date | string, zone: string): { date: string; time: string } {
  const at = asDate(instant);
  return {
    date: formatInTimeZone(at, zone, "yyyy-MM-dd"),
    time: formatInTimeZone(at, zone, "HH:mm"),
  };
}

/** An event's start and end as the wall-clock fields of a form, in `zone`. */
export function toLocalSpan(start: Date | string, end: Date | string, zone: string) {
  const from = toLocalParts(start, zone);
  const to = toLocalParts(end, zone);
  return { date: from.date, startTime: from.time, endDate: to.date, endTime: to.time };
}

/** Every IANA zone this runtime knows, under current names, plus UTC. */
export function supportedTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const current = zones.map(currentZoneName);
  return current.includes("UTC") ? current : [...current, "UTC"];
}

/** "GMT+05:45"-style label of a zone's current offset, for pickers. */
export function zoneOffsetLabel(zone: string, at: Date = new Date()): string {
  const offset = offsetOf(at, zone);
  return offset === "+00:00" ? "GMT" : `GMT${offset}`;
}
