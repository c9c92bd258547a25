import { interviewIdSchema } from "@/lib/security/route-ids";
import { type CalendarEvent, type IndeedEventFields, toCalendarEvents } from "./calendar-event";
import { calendarEventsVariables, type FindEventsVariables } from "./find-events-variables";
import { type CalendarRange, calendarRange } from "./range";
import { type CalendarState, currentCursor } from "./search-params";

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

/** The `findVirtualInterviewEvents` connection as the calendar reads it. */
export interface EventsPage {
  totalCount?: number | null;
  pageInfo?: { endCursor?: string | null; hasNextPage?: boolean | null } | null;
  events?: ReadonlyArray<(IndeedEventFields & object) | null> | null;
}

/** The cursor of the page after this one, or undefined at the end. */
export function nextCursorOf(page: EventsPage | undefined): string | undefined {
  return page?.pageInfo?.hasNextPage && page.pageInfo.endCursor
    ? page.pageInfo.endCursor
    : undefined;
}

/**
 * One page in the chosen order. With Indeed's schema extensions the page already is; without
 * them (the guide's schema has no sort) Indeed's order is its own, so each page is sorted here.
 * A status sort breaks ties by the time the range filters on, as Indeed's does.
 */
export function sortPage(
  events: readonly CalendarEvent[],
  { sort, dir, field }: Pick<CalendarState, "sort" | "dir" | "field">,
): CalendarEvent[] {
  const time = (event: CalendarEvent) =>
    sort === "endTime" || (sort === "status" && field === "end") ? event.endTime : event.startTime;
  const sign = dir === "asc" ? 1 : -1;
  // ISO instants from toCalendarEvents are all UTC ("Z"), so text order is time order.
  return [...events].sort(
    (a, b) =>
      sign *
      ((sort === "status" ? (a.status ?? "").localeCompare(b.status ?? "") : 0) ||
        time(a).localeCompare(time(b))),
  );
}

/** A fetched page's events, readable ones only, in the chosen order. */
export function pageEvents(
  page: EventsPage | undefined,
  order: Pick<CalendarState, "sort" | "dir" | "field">,
): { events: CalendarEvent[]; skipped: number } {
  const { events, skipped } = toCalendarEvents(page?.events ?? []);
  return { events: sortPage(events, order), skipped };
}

/** The ids of a page's events that the ledger can be asked about, in Indeed's order. */
export function pageEventIds(page: EventsPage | undefined): string[] {
  return (page?.events ?? []).flatMap((event) =>
    event && interviewIdSchema.safeParse(event.id).success ? [event.id] : [],
  );
}

/** react-query's `getNextPageParam` for FindInterviews results, on the server and the client. */
export function nextEventsPageParam(last: {
  findVirtualInterviewEvents?: EventsPage | null;
}): string | undefined {
  return nextCursorOf(last.findVirtualInterviewEvents ?? undefined);
}
