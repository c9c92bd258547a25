import { calendarEventsVariables, type FindEventsVariables } from "./find-events-variables";
import { type CalendarRange, calendarRange } from "./range";
import { type CalendarState, currentCursor } from "./search-params";

// Reading a fetched page needs neither zod nor the range: its own module, for the browser.
export * from "./events-page";

/**
 * What the calendar asks Indeed for, from the URL state, the zone its days are in and now. The
 * server page (prefetch), the client calendar (the same react-query key) and the CSV export all
 * derive the range and the variables here, so the three can never disagree on them.
 */

export interface CalendarQuery {
  range: CalendarRange;
  /** The first fetched page's variables: its `after` is the URL's cursor. */
  variables: FindEventsVariables;
}

export function calendarQuery(state: CalendarState, zone: string, now: Date): CalendarQuery {
  const range = calendarRange(state, zone, now);
  return { range, variables: calendarEventsVariables(state, range, currentCursor(state) ?? null) };
}
