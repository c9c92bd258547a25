import { MAX_EVENT_DURATION_MS, type StoredEvent } from "./event-model";
import { compareBy, lowerBound, type EmployerEvents, type TimeKey } from "./event-store";
import type { PageCursor } from "./page-cursor";

export type SortField = "START_TIME" | "END_TIME" | "STATUS" | "MEDIA_TYPE";
export type SortDirection = "ASC" | "DESC";

/** A half-open range [after, before) of epoch ms; either end may be open. */
export interface TimeRange {
  after?: number;
  before?: number;
}

export interface FindQuery {
  start?: TimeRange;
  end?: TimeRange;
  sortField: SortField;
  direction: SortDirection;
  first: number;
  after: PageCursor | null;
  /** The event the cursor names, when it still exists (looked up by the caller in O(1)). */
  afterEvent?: StoredEvent;
}

export interface FoundPage {
  events: StoredEvent[];
  /** Position of `events[0]` in the whole ordered result. */
  offset: number;
  totalCount: number;
}

/** An ordered result that need not be materialised: the common case is a slice of an index. */
interface OrderedView {
  length: number;
  at(position: number): StoredEvent;
  positionOf(event: StoredEvent): number | null;
}

const inRange = (ms: number, range: TimeRange | undefined) =>
  !range ||
  ((range.after === undefined || ms >= range.after) &&
    (range.before === undefined || ms < range.before));

/**
 * One page of an employer's events. Sorting by start or end time walks a pre-sorted index
 * between two binary searches, so the cost grows with the page and the log of the employer's
 * event count; a filter on the other time, or a STATUS/MEDIA_TYPE sort, scans only the
 * events inside the index range.
 */
export function findEvents(events: EmployerEvents, query: FindQuery): FoundPage {
  const view = orderedView(events, query);
  let offset = 0;
  if (query.after) {
    const position = (query.afterEvent && view.positionOf(query.afterEvent)) ?? query.after.offset;
    offset = position + 1;
  }
  const page: StoredEvent[] = [];
  for (let i = offset; i < Math.min(view.length, offset + query.first); i++) page.push(view.at(i));
  return { events: page, offset, totalCount: view.length };
}

function orderedView(events: EmployerEvents, query: FindQuery): OrderedView {
  const primary: TimeKey = query.sortField === "END_TIME" ? "endMs" : "startMs";
  const [mainRange, otherRange] =
    primary === "startMs" ? [query.start, query.end] : [query.end, query.start];
  const sorted = primary === "startMs" ? events.byStart : events.byEnd;

  // Bound the index range by both filters: an event lasts at most 24 hours.
  let after = mainRange?.after ?? -Infinity;
  let before = mainRange?.before ?? Infinity;
  if (otherRange && primary === "startMs") {
    after = Math.max(after, (otherRange.after ?? -Infinity) - MAX_EVENT_DURATION_MS);
    before = Math.min(before, otherRange.before ?? Infinity);
  } else if (otherRange) {
    after = Math.max(after, otherRange.after ?? -Infinity);
    before = Math.min(before, (otherRange.before ?? Infinity) + MAX_EVENT_DURATION_MS + 1);
  }
  const lo = after === -Infinity ? 0 : lowerBound(sorted, primary, after);
  const hi =
    before === Infinity ? sorted.length : Math.max(lo, lowerBound(sorted, primary, before));
  const descending = query.direction === "DESC";

  if (!otherRange && (query.sortField === "START_TIME" || query.sortField === "END_TIME")) {
    const length = hi - lo;
    return {
      length,
      at: (position) => sorted[descending ? hi - 1 - position : lo + position]!,
      positionOf(event) {
        if (!inRange(event[primary], mainRange)) return null;
        const index = lowerBound(sorted, primary, event[primary], event.uuid);
        if (sorted[index] !== event || index < lo || index >= hi) return null;
        return descending ? hi - 1 - index : index - lo;
      },
    };
  }

  const otherKey: TimeKey = primary === "startMs" ? "endMs" : "startMs";
  const matching = sorted
    .slice(lo, hi)
    .filter((e) => inRange(e[primary], mainRange) && inRange(e[otherKey], otherRange));
  if (query.sortField === "STATUS" || query.sortField === "MEDIA_TYPE") {
    const field = query.sortField === "STATUS" ? "status" : "mediaType";
    const byTime = compareBy(primary);
    matching.sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : byTime(a, b)));
  }
  if (descending) matching.reverse();
  return {
    length: matching.length,
    at: (position) => matching[position]!,
    positionOf(event) {
      const index = matching.indexOf(event);
      return index < 0 ? null : index;
    },
  };
}
