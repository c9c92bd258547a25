import { offsetOf } from "@/lib/scheduling/time";

/**
 * An interview's time as a job seeker reads it: in the event's zone, in the message's language,
 * with the zone's name and its UTC offset spelled out, e.g.
 * "Tuesday, 15 January 2030, 14:30–15:15 (America/New_York, UTC−05:00)".
 * The offset is the one in effect at the interview (not today's), read as ADR 0021 says; a
 * daylight-saving change during the interview shows both offsets. 24-hour times in every
 * language, so no AM/PM can be misread.
 */

/** `-05:00` → `UTC−05:00`, with a true minus sign. */
function utcOffsetLabel(offset: string): string {
  return `UTC${offset.replace("-", "\u2212")}`;
}

export function formatInterviewTime(
  start: string,
  end: string,
  zone: string,
  locale: string,
): string {
  const from = new Date(start);
  const to = new Date(end);
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const clock = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });

  const startDay = day.format(from);
  const endDay = day.format(to);
  const span =
    startDay === endDay
      ? `${startDay}, ${clock.format(from)}–${clock.format(to)}`
      : `${startDay}, ${clock.format(from)} – ${endDay}, ${clock.format(to)}`;

  const startOffset = offsetOf(from, zone);
  const endOffset = offsetOf(to, zone);
  const offsets =
    startOffset === endOffset
      ? utcOffsetLabel(startOffset)
      : `${utcOffsetLabel(startOffset)} → ${utcOffsetLabel(endOffset)}`;
  return `${span} (${zone}, ${offsets})`;
}
