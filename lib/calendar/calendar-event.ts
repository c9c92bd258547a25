import { isTimeZone } from "@/lib/scheduling/is-time-zone";
import { isOffsetDateTime } from "@/lib/scheduling/offset-date-time";

/**
 * An Indeed event as the calendar needs it. Indeed's fields are all nullable; an event without
 * a readable start and end cannot be placed on a day, so `toCalendarEvents` leaves it out, and
 * the page counts it in `skipped` rather than hiding the loss.
 */
export interface CalendarEvent {
  id: string;
  /** `SCHEDULED`, `CANCELED`, or a value Indeed adds later (read as scheduled). */
  status: string | null;
  title: string | null;
  /** ISO-8601 instants with an offset, as Indeed sends them. */
  startTime: string;
  endTime: string;
  /** The event's own IANA zone; null when Indeed sends none or one this runtime lacks. */
  timezone: string | null;
}

/** The fields of a `findVirtualInterviewEvents` node the calendar reads. */
export interface IndeedEventFields {
  id: string;
  status?: string | null;
  title?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timezone?: string | null;
}

function parseInstant(value: string | null | undefined): Date | undefined {
  if (!value || !isOffsetDateTime(value)) return undefined;
  return new Date(value);
}

function knownZone(zone: string | null | undefined): string | null {
  return zone && isTimeZone(zone) ? zone : null;
}

export function isCanceled(event: Pick<CalendarEvent, "status">): boolean {
  return event.status === "CANCELED";
}

export function toCalendarEvents(nodes: ReadonlyArray<IndeedEventFields | null | undefined>): {
  events: CalendarEvent[];
  skipped: number;
} {
  const events: CalendarEvent[] = [];
  for (const node of nodes) {
    const start = parseInstant(node?.startTime);
    const end = parseInstant(node?.endTime);
    if (!node || !start || !end) continue;
    events.push({
      id: node.id,
      status: node.status ?? null,
      title: node.title ?? null,
      startTime: start.toISOString(),
      // An end before the start would give a negative height: read it as a zero-length event.
      endTime: (end < start ? start : end).toISOString(),
      timezone: knownZone(node.timezone),
    });
  }
  return { events, skipped: nodes.length - events.length };
}
