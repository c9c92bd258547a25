import { isInterviewId } from "@/lib/security/interview-id";
import { type CalendarEvent, type IndeedEventFields, toCalendarEvents } from "./calendar-event";
import type { CalendarState } from "./search-params";

/**
 * Reading a `findVirtualInterviewEvents` page as the calendar shows it: its events in the chosen
 * order, its ids, the cursor after it. Without zod or the range arithmetic, so the browser takes
 * it alone (calendar-query.ts re-exports it beside the server's range and variables).
 */

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
    event && isInterviewId(event.id) ? [event.id] : [],
  );
}

/** react-query's `getNextPageParam` for FindInterviews results, on the server and the client. */
export function nextEventsPageParam(last: {
  findVirtualInterviewEvents?: EventsPage | null;
}): string | undefined {
  return nextCursorOf(last.findVirtualInterviewEvents ?? undefined);
}
