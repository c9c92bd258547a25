"use client";

import { useVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import { type Key, type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { AgendaRow } from "@/lib/calendar/agenda";
import { type AgendaRowOptions, AgendaRowView } from "./agenda-row";

/** Rows from the end at which the next page is asked for, so it arrives before it is needed. */
const PREFETCH_ROWS = 20;

export interface VirtualAgendaRowsProps extends AgendaRowOptions {
  rows: readonly AgendaRow[];
  /** The agenda's scrolling region, kept across the swap from the plain list. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The heights the plain list measured, by row key, so that no row moves at the swap. */
  measured: RefObject<ReadonlyMap<string, number>>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onEndReached: () => void;
  /** The viewport's size before the browser measures it: tests. */
  initialRect?: { width: number; height: number };
}

/** The measured rows as the virtualiser's first measurements (it reads their keys and sizes). */
function fromMeasured(
  rows: readonly AgendaRow[],
  measured: ReadonlyMap<string, number>,
): VirtualItem[] {
  const items: VirtualItem[] = [];
  let start = 0;
  rows.forEach((row, index) => {
    const size = measured.get(row.key);
    if (size === undefined) return;
    items.push({ key: row.key, index, start, end: start + size, size, lane: 0 });
    start += size;
  });
  return items;
}

/**
 * The agenda's rows once they are many: only those in view (and a few either side) are in the
 * DOM, with TanStack Virtual (docs/decisions/0040). Loaded when the list asks for its next page
 * or grows past what the plain list shows (./agenda-list.tsx); it starts from the plain list's
 * measured heights and scroll offset, and measures each row as it renders, so a title wrapping
 * to two lines does not overlap the next row.
 */
export function VirtualAgendaRows({
  rows,
  scrollRef,
  measured,
  hasNextPage,
  isFetchingNextPage,
  onEndReached,
  initialRect,
  ...rowOptions
}: VirtualAgendaRowsProps) {
  // Read once: later rows are measured as they render.
  const [initialMeasurementsCache] = useState(() => fromMeasured(rows, measured.current));
  // useVirtualizer returns new functions each render, so the compiler rightly leaves this
  // component unmemoised; its rows are passed down as plain values.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "day" ? 44 : 76),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    initialRect,
    initialOffset: () => scrollRef.current?.scrollTop ?? 0,
    initialMeasurementsCache,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  // A later page can add rows above the view (an interview of that page on a day already
  // listed, or continued from one). The row at the top of the view stays where it was, as the
  // browser's scroll anchoring keeps it in the plain list.
  const anchor = useRef<{ rows: readonly AgendaRow[]; key: Key; delta: number } | null>(null);
  useLayoutEffect(() => {
    const previous = anchor.current;
    let offset = virtualizer.scrollOffset ?? 0;
    if (previous && previous.rows !== rows) {
      const index = rows.findIndex((row) => row.key === previous.key);
      const item = index >= 0 ? virtualizer.measurementsCache[index] : undefined;
      if (item && item.start + previous.delta !== offset) {
        offset = item.start + previous.delta;
        virtualizer.scrollToOffset(offset);
      }
    }
    const top = virtualizer.getVirtualItemForOffset(offset);
    anchor.current = top ? { rows, key: top.key, delta: offset - top.start } : null;
  });

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows.length - 1 - PREFETCH_ROWS) {
      onEndReached();
    }
  }, [hasNextPage, isFetchingNextPage, lastShown, rows.length, onEndReached]);

  return (
    <div role="list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => (
        <div
          key={item.key}
          role="listitem"
          aria-posinset={item.index + 1}
          aria-setsize={hasNextPage ? -1 : rows.length}
          data-index={item.index}
          ref={virtualizer.measureElement}
          className="absolute top-0 left-0 w-full"
          style={{ transform: `translateY(${item.start}px)` }}
        >
          <AgendaRowView row={rows[item.index]!} {...rowOptions} />
        </div>
      ))}
    </div>
  );
}
