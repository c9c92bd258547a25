import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { CandidateMessage } from "./candidate-message";
import { calendarUidOf } from "./message-identity";

/**
 * The iCalendar file (RFC 5545, iTIP RFC 5546) sent with every candidate message. Calendar
 * clients apply it to the entry the invitation created, so:
 * - one UID per interview (`calendarUidOf`), never changed by a reschedule;
 * - SEQUENCE from the message, rising with each message about the interview;
 * - METHOD:REQUEST for invitations and updates; METHOD:CANCEL with STATUS:CANCELLED for a
 *   cancellation (a cancellation sent as a REQUEST leaves the entry in place);
 * - DTSTART/DTEND in UTC. Indeed stores instants, every client shows a UTC time in its user's
 *   own zone, and UTC needs no VTIMEZONE block, which would have to restate the zone's rules
 *   and could disagree with them. The event's zone is still named (X-WR-TIMEZONE) and the
 *   description states the local time as the message does.
 */

export type CalendarMethod = "REQUEST" | "CANCEL";

export function calendarMethodOf(message: CandidateMessage): CalendarMethod {
  return message.kind === "cancellation" ? "CANCEL" : "REQUEST";
}

/**
 * A name as an iCalendar CN parameter. A parameter value cannot hold a double quote or a
 * control character (RFC 5545 §3.1), and ical-generator escapes a quote with a backslash that
 * parsers read as the value's end: `Jo "Bobby" Doe` would lose everything after `Jo`.
 */
function calendarName(name: string): string {
  return name.replaceAll('"', "'").replace(/\p{Cc}+/gu, " ");
}

/** The calendar file for `message`; `description` is the message's plain text. */
export function buildCalendarFile(message: CandidateMessage, description: string): string {
  const method = calendarMethodOf(message);
  const calendar = ical({
    prodId: { company: "Lobby", product: "Interviews", language: "EN" },
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.x("X-WR-TIMEZONE", message.event.timeZone);
  calendar.createEvent({
    id: calendarUidOf(message),
    sequence: message.sequence,
    // DTSTAMP is when the change was recorded, so a retried job builds the same file.
    stamp: new Date(message.recordedAt),
    start: new Date(message.event.start),
    end: new Date(message.event.end),
    summary: message.event.title,
    description,
    location: message.interviewee.lobbyUrl,
    url: message.interviewee.lobbyUrl,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: calendarName(message.organizer.name), email: message.organizer.email },
    attendees: [
      {
        name: calendarName(message.interviewee.name),
        email: message.interviewee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      },
    ],
  });
  return calendar.toString();
}
