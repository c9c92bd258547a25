import type { CalendarEvent } from "./calendar-event";

/** A scheduled event for tests: times as given (ISO with offset), Indeed's UTC form kept. */
export function testEvent(
  id: string,
  startTime: string,
  endTime: string,
  extra: Partial<CalendarEvent> = {},
): CalendarEvent {
  return {
    id,
    status: "SCHEDULED",
    title: `Interview ${id}`,
    startTime: new Date(startTime).toISOString(),
    endTime: new Date(endTime).toISOString(),
    timezone: "UTC",
    ...extra,
  };
}
