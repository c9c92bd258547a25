import { type CalendarDate, dayInZone } from "./calendar-date";
import type { CalendarEvent } from "./calendar-event";

/**
 * The week grid's geometry: each day a column spanning its real length in the zone (23, 24 or
 * 25 hours), each event placed by `top` and `height` as fractions of that day. An event over
 * midnight is cut into one block per day it touches. Overlapping blocks of a day sit side by
 * side: blocks that overlap one another, directly or through others, form a cluster; each block
 * takes the leftmost column free at its start, and every block of the cluster is drawn
 * `1 / columnCount` wide. Events that only touch (one ends as the next starts) do not overlap.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Short events are drawn and packed at least this long, so that each stays readable. */
export const MIN_BLOCK_MINUTES = 15;

export interface WeekBlock {
  key: string;
  event: CalendarEvent;
  /** The part of the event within this day. */
  start: Date;
  end: Date;
  /** Fractions of the day, 0 at its first instant; `top + height <= 1`. */
  top: number;
  height: number;
  /** 0-based column within the cluster, and the cluster's number of columns. */
  column: number;
  columnCount: number;
  continuesFromPreviousDay: boolean;
  continuesToNextDay: boolean;
}

export interface WeekDayColumn {
  date: CalendarDate;
  from: Date;
  to: Date;
  /** Each whole hour after the day's start: where to draw its line, and its instant (label). */
  hourLines: Array<{ top: number; at: Date }>;
  /** In reading order: by start, then left to right. */
  blocks: WeekBlock[];
}

interface Segment {
  event: CalendarEvent;
  start: number;
  end: number;
  /** The end used for packing and drawing: at least MIN_BLOCK_MINUTES after the start. */
  drawnEnd: number;
}

function packColumns(segments: Segment[]): Array<{ column: number; columnCount: number }> {
  const placed: Array<{ column: number; columnCount: number }> = [];
  let columnEnds: number[] = [];
  let clusterStart = 0;
  let clusterEnd = -Infinity;
  const closeCluster = (upTo: number) => {
    for (let index = clusterStart; index < upTo; index++)
      placed[index]!.columnCount = columnEnds.length;
    columnEnds = [];
    clusterStart = upTo;
  };
  segments.forEach((segment, index) => {
    if (segment.start >= clusterEnd) {
      closeCluster(index);
      clusterEnd = -Infinity;
    }
    let column = columnEnds.findIndex((end) => end <= segment.start);
    if (column === -1) column = columnEnds.push(segment.drawnEnd) - 1;
    else columnEnds[column] = segment.drawnEnd;
    clusterEnd = Math.max(clusterEnd, segment.drawnEnd);
    placed.push({ column, columnCount: 0 });
  });
  closeCluster(segments.length);
  return placed;
}

export function layoutWeek(
  events: readonly CalendarEvent[],
  { days, zone }: { days: readonly CalendarDate[]; zone: string },
): WeekDayColumn[] {
  return days.map((date) => {
    const { from, to } = dayInZone(date, zone);
    const dayStart = from.getTime();
    const dayEnd = to.getTime();
    const length = dayEnd - dayStart;

    const segments: Segment[] = events
      .flatMap((event) => {
        const eventStart = new Date(event.startTime).getTime();
        const eventEnd = new Date(event.endTime).getTime();
        // Half-open: an event ending at midnight is not on the next day; a zero-length one is
        // on the day of its instant.
        const touches =
          eventStart < dayEnd &&
          (eventEnd > dayStart || (eventEnd === eventStart && eventStart >= dayStart));
        if (!touches) return [];
        const start = Math.max(eventStart, dayStart);
        const end = Math.min(eventEnd, dayEnd);
        return [
          {
            event,
            start,
            end,
            drawnEnd: Math.min(Math.max(end, start + MIN_BLOCK_MINUTES * MINUTE), dayEnd),
          },
        ];
      })
      .sort((a, b) => a.start - b.start || b.end - a.end || a.event.id.localeCompare(b.event.id));

    const columns = packColumns(segments);
    const blocks = segments.map((segment, index): WeekBlock => {
      const height = Math.max(
        segment.drawnEnd - segment.start,
        Math.min(MIN_BLOCK_MINUTES * MINUTE, length),
      );
      const top = Math.min(segment.start - dayStart, length - height);
      return {
        key: `${segment.event.id}:${date}`,
        event: segment.event,
        start: new Date(segment.start),
        end: new Date(segment.end),
        top: top / length,
        height: height / length,
        ...columns[index]!,
        continuesFromPreviousDay: new Date(segment.event.startTime).getTime() < dayStart,
        continuesToNextDay: new Date(segment.event.endTime).getTime() > dayEnd,
      };
    });

    const hourLines = Array.from({ length: Math.ceil(length / HOUR) - 1 }, (_, index) => {
      const offset = (index + 1) * HOUR;
      return { top: offset / length, at: new Date(dayStart + offset) };
    });
    return { date, from, to, hourLines, blocks };
  });
}

export type WeekPosition = { day: number; index: number };
export type WeekKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End";

export const WEEK_KEYS: ReadonlySet<string> = new Set<WeekKey>([
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "Home",
  "End",
]);

/**
 * Where the focus goes from a block on a key: up and down through a day's blocks, on into the
 * next or previous day with blocks; left and right to the block nearest in time on the nearest
 * day with blocks; Home and End to the week's first and last. Stays put when there is nowhere.
 */
export function moveInWeek(
  columns: readonly Pick<WeekDayColumn, "blocks">[],
  at: WeekPosition,
  key: WeekKey,
): WeekPosition {
  const filled = columns.flatMap((column, day) => (column.blocks.length ? [day] : []));
  const firstDay = filled[0];
  const lastDay = filled.at(-1);
  if (firstDay === undefined || lastDay === undefined) return at;
  const countOf = (day: number) => columns[day]!.blocks.length;
  const dayAfter = (day: number) => filled.find((filledDay) => filledDay > day);
  const dayBefore = (day: number) => filled.findLast((filledDay) => filledDay < day);

  switch (key) {
    case "Home":
      return { day: firstDay, index: 0 };
    case "End":
      return { day: lastDay, index: countOf(lastDay) - 1 };
    case "ArrowDown": {
      if (at.index + 1 < countOf(at.day)) return { day: at.day, index: at.index + 1 };
      const next = dayAfter(at.day);
      return next === undefined ? at : { day: next, index: 0 };
    }
    case "ArrowUp": {
      if (at.index > 0) return { day: at.day, index: at.index - 1 };
      const previous = dayBefore(at.day);
      return previous === undefined ? at : { day: previous, index: countOf(previous) - 1 };
    }
    case "ArrowLeft":
    case "ArrowRight": {
      const target = key === "ArrowRight" ? dayAfter(at.day) : dayBefore(at.day);
      if (target === undefined) return at;
      const top = columns[at.day]!.blocks[at.index]?.top ?? 0;
      const blocks = columns[target]!.blocks;
      let nearest = 0;
      blocks.forEach((block, index) => {
        if (Math.abs(block.top - top) < Math.abs(blocks[nearest]!.top - top)) nearest = index;
      });
      return { day: target, index: nearest };
    }
  }
}
