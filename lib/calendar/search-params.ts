import { z } from "zod";
import { customRange, type RangePreset } from "./range";
import {
  CALENDAR_DEFAULTS,
  CALENDAR_PRESETS,
  type RangeChoice,
  REVIEW_DEFAULTS,
  REVIEW_PRESETS,
} from "./search-query";

// The zod-free half (presets, defaults, serialize…, paging, hrefWith) lives in search-query.ts so
// that client components can write the URL without shipping zod; it is re-exported from here.
export * from "./search-query";

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

// ---------------------------------------------------------------------------------------------
// The review queue (/reviews): past interviews, newest first.

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
