import { type CalendarDate } from "./calendar-date";
import { type RangePreset } from "./range";
import type { CalendarState, ReviewState } from "./search-params";

/**
 * Writing the calendar's and the review queue's URL state (see search-params.ts, which reads it
 * with zod): the presets and defaults, `serialize…` (the smallest query that parses back to the
 * same state), the paging trail and `hrefWith`. No zod here, so client components can import it.
 */

export type RangeChoice<Preset extends RangePreset = RangePreset> =
  { preset: Preset } | { preset: "custom"; from: CalendarDate; to: CalendarDate };

export const CALENDAR_PRESETS = [
  "today",
  "this-week",
  "next-7-days",
  "last-7-days",
  "this-month",
] as const satisfies readonly RangePreset[];
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

export const REVIEW_PRESETS = [
  "last-7-days",
  "last-30-days",
  "last-90-days",
] as const satisfies readonly RangePreset[];
export type ReviewPreset = (typeof REVIEW_PRESETS)[number];

export const CALENDAR_DEFAULTS = {
  range: { preset: "this-week" },
  field: "start",
  sort: "startTime",
  dir: "asc",
  view: "agenda",
  zone: "viewer",
  canceled: "show",
  cursors: [] as string[],
} as const satisfies Record<string, unknown>;

function writeRange(query: URLSearchParams, range: RangeChoice, fallback: RangePreset) {
  if (range.preset === "custom") {
    query.set("range", "custom");
    query.set("from", range.from);
    query.set("to", range.to);
  } else if (range.preset !== fallback) {
    query.set("range", range.preset);
  }
}

function writeCursors(query: URLSearchParams, cursors: readonly string[]) {
  for (const cursor of cursors) query.append("cursor", cursor);
}

export function serializeCalendarState(state: CalendarState): URLSearchParams {
  const query = new URLSearchParams();
  writeRange(query, state.range, CALENDAR_DEFAULTS.range.preset);
  const plain = ["field", "sort", "dir", "view", "zone", "canceled"] as const;
  for (const key of plain) {
    if (state[key] !== CALENDAR_DEFAULTS[key]) query.set(key, state[key]);
  }
  writeCursors(query, state.cursors);
  return query;
}

type QueryChange = Partial<Pick<CalendarState, "range" | "field" | "sort" | "dir">>;
type DisplayChange = Partial<Pick<CalendarState, "view" | "zone" | "canceled">>;

/**
 * The state after the user changes what is asked of Indeed: the old cursors belong to the old
 * query, so paging restarts. Display changes (view, zone, canceled shown) keep the page.
 */
export function withQueryChange(state: CalendarState, change: QueryChange): CalendarState {
  return { ...state, ...change, cursors: [] };
}

export function withDisplayChange(state: CalendarState, change: DisplayChange): CalendarState {
  return { ...state, ...change };
}

// ---------------------------------------------------------------------------------------------
// The review queue (/reviews)

export const REVIEW_DEFAULTS = {
  range: { preset: "last-30-days" },
  pending: false,
  recording: false,
  expiring: false,
  cursors: [] as string[],
} as const satisfies Record<string, unknown>;

export function serializeReviewState(state: ReviewState): URLSearchParams {
  const query = new URLSearchParams();
  writeRange(query, state.range, REVIEW_DEFAULTS.range.preset);
  for (const key of ["pending", "recording", "expiring"] as const) {
    if (state[key]) query.set(key, "1");
  }
  writeCursors(query, state.cursors);
  return query;
}

// ---------------------------------------------------------------------------------------------
// Paging through the cursor trail

/** The `after` cursor of the page the state shows; undefined on the first page. */
export function currentCursor(state: { cursors: readonly string[] }): string | undefined {
  return state.cursors.at(-1);
}

export function nextPage<State extends { cursors: readonly string[] }>(
  state: State,
  endCursor: string,
): State {
  return { ...state, cursors: [...state.cursors, endCursor] };
}

export function previousPage<State extends { cursors: readonly string[] }>(state: State): State {
  return { ...state, cursors: state.cursors.slice(0, -1) };
}

/** `path?query`, or just `path` when every value is its default. */
export function hrefWith(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
