import { toZonedIso } from "@/lib/scheduling/time";
import type { CalendarRange } from "./range";
import type { CalendarState } from "./search-params";

/**
 * The variables of a `findVirtualInterviewEvents` call for a calendar or review-queue page.
 * The range goes out as `[after, before)` in UTC (`+00:00`, the offset form Indeed's examples
 * use); `after` is the cursor of the page to fetch (null for the first).
 */

/** Events per Indeed call: within the sandbox's 1-100, and few calls for a 1,000-event range. */
export const CALENDAR_PAGE_SIZE = 100;

type TimeWindow = { after: string; before: string };

export interface FindEventsVariables {
  first: number;
  after: string | null;
  input: {
    startTime?: TimeWindow;
    endTime?: TimeWindow;
    sort: { field: "START_TIME" | "END_TIME" | "STATUS"; direction: "ASC" | "DESC" };
  };
}

const SORT_FIELDS = {
  startTime: "START_TIME",
  endTime: "END_TIME",
  status: "STATUS",
} as const satisfies Record<CalendarState["sort"], FindEventsVariables["input"]["sort"]["field"]>;

function timeWindow(from: Date, to: Date): TimeWindow {
  return { after: toZonedIso(from, "UTC"), before: toZonedIso(to, "UTC") };
}

export function calendarEventsVariables(
  query: Pick<CalendarState, "field" | "sort" | "dir">,
  range: Pick<CalendarRange, "from" | "to">,
  after: string | null,
): FindEventsVariables {
  const window = timeWindow(range.from, range.to);
  const sort = {
    field: SORT_FIELDS[query.sort],
    direction: query.dir === "asc" ? "ASC" : "DESC",
  } as const;
  return {
    first: CALENDAR_PAGE_SIZE,
    after,
    input: query.field === "start" ? { startTime: window, sort } : { endTime: window, sort },
  };
}

/**
 * The review queue: interviews that ended in the range and before `now`, newest first. The
 * range is cut at `now` so an interview still going on (no recording, nobody decided) is not
 * yet up for review.
 */
export function reviewEventsVariables(
  range: Pick<CalendarRange, "from" | "to">,
  now: Date,
  after: string | null,
): FindEventsVariables {
  const before = range.to < now ? range.to : now;
  return {
    first: CALENDAR_PAGE_SIZE,
    after,
    input: {
      endTime: timeWindow(range.from, before < range.from ? range.from : before),
      sort: { field: "END_TIME", direction: "DESC" },
    },
  };
}
