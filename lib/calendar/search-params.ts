import { z } from "zod";
import { type CalendarDate } from "./calendar-date";
import { customRange, type RangePreset } from "./range";

/**
 * The calendar's and the review queue's state in the URL, so that back, forward and a shared
 * link restore the same view. One zod schema each: `parse…` reads a page's `searchParams` (or
 * a `URLSearchParams`) and never throws, each bad value falling back to its default;
 * `serialize…` writes the smallest query that parses back to the same state (defaults left out).
 *
 * `cursors` is the trail of Indeed `after` cursors that led to the page shown: the last one is
 * the page's own `after`, and dropping it goes back a page. A change to what is asked of Indeed
 * (range, field, sort) starts again from the first page (`withQueryChange`).
 */

export type SearchParamsInput =
  URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

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

/** Indeed's cursors are base64 text; bounded so a link cannot carry an unbounded trail. */
const MAX_CURSORS = 100;
const cursorSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/);

function toRecord(input: SearchParamsInput): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  const entries: Array<[string, string]> =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([key, value]) =>
          value === undefined
            ? []
            : (typeof value === "string" ? [value] : value).map((v): [string, string] => [key, v]),
        );
  for (const [key, value] of entries) (record[key] ??= []).push(value);
  return record;
}

/** One value: a repeated key keeps its first, as a form would send it. */
function single<Schema extends z.ZodType>(schema: Schema, fallback: z.output<Schema>) {
  return z
    .preprocess((values: unknown) => (Array.isArray(values) ? values[0] : values), schema)
    .catch(fallback);
}

function rangeChoiceSchema<Preset extends RangePreset>(
  presets: readonly [Preset, ...Preset[]],
  fallback: Preset,
) {
  return z
    .object({
      range: single(z.string().optional(), undefined),
      from: single(z.string().optional(), undefined),
      to: single(z.string().optional(), undefined),
    })
    .transform(({ range, from, to }): RangeChoice<Preset> => {
      if (range !== "custom") {
        const preset = presets.find((known) => known === range);
        return { preset: preset ?? fallback };
      }
      // Zone-independent checks (real dates, order, length); the zone only moves the instants.
      const checked = customRange(from ?? "", to ?? "", "UTC");
      return checked.ok
        ? { preset: "custom", from: checked.range.firstDay, to: checked.range.lastDay }
        : { preset: fallback };
    });
}

const cursorTrailSchema = z
  .preprocess(
    (values: unknown) => (values === undefined ? [] : values),
    z.array(cursorSchema).max(MAX_CURSORS),
  )
  // A trail with one bad link leads nowhere sensible: start again from the first page.
  .catch([]);

// ---------------------------------------------------------------------------------------------
// The calendar (/interviews)

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

export const calendarSearchParamsSchema = z
  .object({
    range: rangeChoiceSchema(CALENDAR_PRESETS, CALENDAR_DEFAULTS.range.preset),
    /** Which of the event's times must fall in the range. */
    field: single(z.enum(["start", "end"]), CALENDAR_DEFAULTS.field),
    sort: single(z.enum(["startTime", "endTime", "status"]), CALENDAR_DEFAULTS.sort),
    dir: single(z.enum(["asc", "desc"]), CALENDAR_DEFAULTS.dir),
    view: single(z.enum(["agenda", "week"]), CALENDAR_DEFAULTS.view),
    /** Times in the viewer's zone, or each event's own. */
    zone: single(z.enum(["viewer", "event"]), CALENDAR_DEFAULTS.zone),
    /** Indeed has no status filter: hiding canceled events is done on each fetched page. */
    canceled: single(z.enum(["show", "hide"]), CALENDAR_DEFAULTS.canceled),
    cursors: cursorTrailSchema,
  })
  .readonly();

export type CalendarState = z.output<typeof calendarSearchParamsSchema>;
export type CalendarSort = CalendarState["sort"];

export function parseCalendarSearchParams(input: SearchParamsInput): CalendarState {
  const record = toRecord(input);
  return calendarSearchParamsSchema.parse({
    range: { range: record.range, from: record.from, to: record.to },
    field: record.field,
    sort: record.sort,
    dir: record.dir,
    view: record.view,
    zone: record.zone,
    canceled: record.canceled,
    cursors: record.cursor,
  });
}

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
// The review queue (/reviews): past interviews, newest first.

export const REVIEW_DEFAULTS = {
  range: { preset: "last-30-days" },
  pending: false,
  recording: false,
  expiring: false,
  cursors: [] as string[],
} as const satisfies Record<string, unknown>;

/** `1` turns a filter on; anything else leaves it off. */
const flag = single(
  z.string().transform((value) => value === "1"),
  false,
);

export const reviewSearchParamsSchema = z
  .object({
    range: rangeChoiceSchema(REVIEW_PRESETS, REVIEW_DEFAULTS.range.preset),
    /** Some interviewer has not decided yet. */
    pending: flag,
    /** At least one session has a recording link. */
    recording: flag,
    /** A recording expires within 14 days (REVIEW_EXPIRY_WINDOW_DAYS). */
    expiring: flag,
    cursors: cursorTrailSchema,
  })
  .readonly();

export type ReviewState = z.output<typeof reviewSearchParamsSchema>;

export function parseReviewSearchParams(input: SearchParamsInput): ReviewState {
  const record = toRecord(input);
  return reviewSearchParamsSchema.parse({
    range: { range: record.range, from: record.from, to: record.to },
    pending: record.pending,
    recording: record.recording,
    expiring: record.expiring,
    cursors: record.cursor,
  });
}

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
