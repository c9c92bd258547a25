import type { StoredEvent } from "./event-model";

export type CalendarMethod = "REQUEST" | "CANCEL";

/**
 * The calendar item (RFC 5545) Indeed adds to an interviewer's calendar. One UID per event;
 * SEQUENCE grows with each change so calendar clients replace the earlier copy.
 */
export function calendarItem(
  event: StoredEvent,
  attendee: string,
  lobbyUrl: string,
  method: CalendarMethod,
  stampMs: number,
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Indeed sandbox//Interview API//EN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    `UID:${event.uuid}@interviews.sandbox.indeed`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsTime(stampMs)}`,
    `DTSTART:${icsTime(event.startMs)}`,
    `DTEND:${icsTime(event.endMs)}`,
    `SUMMARY:${icsText(event.title)}`,
    `DESCRIPTION:${icsText(`Join the interview: ${lobbyUrl}\nTime zone: ${event.timezone}`)}`,
    `URL:${lobbyUrl}`,
    "ORGANIZER;CN=Indeed Interview:mailto:interviews@sandbox.indeed.invalid",
    `ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:${attendee}`,
    `STATUS:${method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function icsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 characters continue on the next line after a space. */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`);
  return parts.join("\r\n");
}
