"use client";

import {
  type ReactNode,
  type UIEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from "react";
import { agendaRows, groupByDay } from "@/lib/calendar/agenda";
import type { CalendarDate } from "@/lib/calendar/calendar-date";
import { type CalendarEvent, isCanceled } from "@/lib/calendar/calendar-event";
import { type AgendaRowOptions, AgendaRowView } from "./agenda-row";
import { useModuleOnIntent } from "./use-module-on-intent";

/**
 * Rows the plain list shows at most; past them (or once a next page is fetched) the list is
 * virtualised. The server's first page (at most 100 interviews, each on the days it touches,
 * and their day headings) stays under it.
 */
export const PLAIN_ROWS_MAX = 250;

/** Pixels from the plain list's end at which the next page is asked for (about 20 rows). */
const PREFETCH_PX = 1_500;

const loadVirtualRows = () =>
  import("./virtual-agenda-rows").then((module) => module.VirtualAgendaRows);

export interface AgendaListProps extends AgendaRowOptions {
  /** Every event fetched so far, in Indeed's order (the chosen sort). */
  events: readonly CalendarEvent[];
  order?: "asc" | "desc";
  /** The range's days: an event over its last midnight is not listed on the day after. */
  days?: { firstDay: CalendarDate; lastDay: CalendarDate };
  hideCanceled?: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** Called when the last rows come into view and another page exists. */
  onEndReached: () => void;
  /** Shown when no event is in the range. */
  empty: ReactNode;
  /** The viewport's size before the browser measures it: tests of the virtual list. */
  initialRect?: { width: number; height: number };
}

/**
 * The agenda: day headings and interviews in one scrolling list. The rows the server rendered
 * are plain DOM, so the page paints them with no list code; from the first next page on, the
 * list is virtualised (./virtual-agenda-rows.tsx, loaded as that page is fetched) and only the
 * rows in view stay in the DOM, whatever the range holds (docs/decisions/0040, 0095).
 */
export function AgendaList({
  events,
  viewerZone,
  zoneMode,
  order = "asc",
  days,
  hideCanceled = false,
  ledger,
  hasNextPage,
  isFetchingNextPage,
  onEndReached,
  empty,
  initialRect,
}: AgendaListProps) {
  const rows = useMemo(() => {
    const shown = hideCanceled ? events.filter((event) => !isCanceled(event)) : events;
    return agendaRows(groupByDay(shown, { zone: viewerZone, order, within: days }));
  }, [events, hideCanceled, viewerZone, order, days]);

  // Once loaded, the virtual list takes over in a render of its own, with the rows unchanged,
  // so the plain rows' measured heights place every row where it was.
  const { loaded: VirtualRows } = useModuleOnIntent(
    rows.length > PLAIN_ROWS_MAX || isFetchingNextPage,
    loadVirtualRows,
  );
  const virtual = VirtualRows !== null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The plain rows' heights after each commit (not each scroll): the virtual list starts from them.
  const measured = useRef(new Map<string, number>());
  useLayoutEffect(() => {
    if (virtual || !listRef.current) return;
    for (const item of listRef.current.children) {
      const key = (item as HTMLElement).dataset.key;
      if (key) measured.current.set(key, item.getBoundingClientRect().height);
    }
  });

  const askIfNearEnd = useCallback(
    (region: HTMLElement) => {
      const left = region.scrollHeight - region.scrollTop - region.clientHeight;
      if (hasNextPage && !isFetchingNextPage && left < PREFETCH_PX) onEndReached();
    },
    [hasNextPage, isFetchingNextPage, onEndReached],
  );
  // A short first page: its end is in view without a scroll.
  useEffect(() => {
    if (!virtual && scrollRef.current) askIfNearEnd(scrollRef.current);
  }, [virtual, rows.length, askIfNearEnd]);

  if (rows.length === 0 && !hasNextPage) return <>{empty}</>;

  const setSize = hasNextPage ? -1 : rows.length;
  const rowOptions = { viewerZone, zoneMode, ledger };
  return (
    <div className="flex flex-col gap-2">
      <div
        ref={scrollRef}
        // Focusable so keyboard users can scroll it; named so they know what it holds.
        tabIndex={0}
        role="region"
        aria-label="Interviews by day"
        className="h-[70vh] overflow-y-auto rounded-md border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600"
        onScroll={
          virtual
            ? undefined
            : (event: UIEvent<HTMLDivElement>) => askIfNearEnd(event.currentTarget)
        }
      >
        {virtual ? (
          <VirtualRows
            rows={rows}
            scrollRef={scrollRef}
            measured={measured}
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            onEndReached={onEndReached}
            initialRect={initialRect}
            {...rowOptions}
          />
        ) : (
          <div ref={listRef} role="list">
            {rows.map((row, index) => (
              <div
                key={row.key}
                role="listitem"
                aria-posinset={index + 1}
                aria-setsize={setSize}
                data-key={row.key}
              >
                <AgendaRowView row={row} {...rowOptions} />
              </div>
            ))}
          </div>
        )}
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {isFetchingNextPage ? "Loading more interviews…" : ""}
      </p>
    </div>
  );
}
