import { describe, expect, it } from "vitest";
import {
  CALENDAR_DEFAULTS,
  type CalendarState,
  currentCursor,
  hrefWith,
  nextPage,
  parseCalendarSearchParams,
  parseReviewSearchParams,
  previousPage,
  REVIEW_DEFAULTS,
  type ReviewState,
  serializeCalendarState,
  serializeReviewState,
  withDisplayChange,
  withQueryChange,
} from "./search-params";

const roundTrip = (state: CalendarState) =>
  parseCalendarSearchParams(serializeCalendarState(state));

describe("calendar search params", () => {
  it("reads no parameters as the defaults and writes the defaults as nothing", () => {
    const state = parseCalendarSearchParams(new URLSearchParams());
    expect(state).toEqual(CALENDAR_DEFAULTS);
    expect(serializeCalendarState(state).toString()).toBe("");
    expect(hrefWith("/interviews", serializeCalendarState(state))).toBe("/interviews");
  });

  it("round-trips every field, a custom range and a cursor trail", () => {
    const state: CalendarState = {
      range: { preset: "custom", from: "2026-03-01", to: "2026-03-31" },
      field: "end",
      sort: "status",
      dir: "desc",
      view: "week",
      zone: "event",
      canceled: "hide",
      cursors: ["YWJj", "ZGVm-_x=="],
    };
    const query = serializeCalendarState(state);
    expect(query.toString()).toBe(
      "range=custom&from=2026-03-01&to=2026-03-31&field=end&sort=status&dir=desc&view=week" +
        "&zone=event&canceled=hide&cursor=YWJj&cursor=ZGVm-_x%3D%3D",
    );
    expect(roundTrip(state)).toEqual(state);
    for (const preset of ["today", "next-7-days", "last-7-days", "this-month"] as const) {
      const withPreset = { ...state, range: { preset } };
      expect(roundTrip(withPreset)).toEqual(withPreset);
    }
  });

  it("reads Next's searchParams record, arrays for repeated keys", () => {
    const state = parseCalendarSearchParams({
      range: "last-7-days",
      sort: ["endTime", "status"],
      cursor: ["a", "b"],
    });
    expect(state).toMatchObject({
      range: { preset: "last-7-days" },
      sort: "endTime",
      cursors: ["a", "b"],
    });
    expect(parseCalendarSearchParams({ cursor: "a" }).cursors).toEqual(["a"]);
  });

  it("falls back to the default for each bad value, keeping the good ones", () => {
    const state = parseCalendarSearchParams(
      new URLSearchParams(
        "range=yesterday&field=middle&sort=title&dir=up&view=year&zone=mars&canceled=1&dir=desc",
      ),
    );
    expect(state).toEqual(CALENDAR_DEFAULTS);
    const mixed = parseCalendarSearchParams(new URLSearchParams("sort=endTime&view=year"));
    expect(mixed).toMatchObject({ sort: "endTime", view: "agenda" });
  });

  it("falls back to this week for a custom range that is missing, impossible or reversed", () => {
    for (const query of [
      "range=custom",
      "range=custom&from=2026-03-01",
      "range=custom&from=2026-02-30&to=2026-03-02",
      "range=custom&from=2026-03-10&to=2026-03-01",
      "range=custom&from=2020-01-01&to=2026-01-01",
    ]) {
      expect(parseCalendarSearchParams(new URLSearchParams(query)).range).toEqual({
        preset: "this-week",
      });
    }
    // Dates alongside a preset mean nothing and are dropped on the way out.
    const preset = parseCalendarSearchParams(new URLSearchParams("range=today&from=2026-03-01"));
    expect(serializeCalendarState(preset).toString()).toBe("range=today");
  });

  it("drops a cursor trail with a bad or oversized cursor, or more than 100 cursors", () => {
    expect(
      parseCalendarSearchParams(new URLSearchParams("cursor=ok&cursor=<script>")).cursors,
    ).toEqual([]);
    expect(parseCalendarSearchParams({ cursor: "x".repeat(513) }).cursors).toEqual([]);
    expect(parseCalendarSearchParams({ cursor: Array(101).fill("c") }).cursors).toEqual([]);
    expect(parseCalendarSearchParams({ cursor: Array(100).fill("c") }).cursors).toHaveLength(100);
  });

  it("pages forward and back through the trail, and restarts it when the query changes", () => {
    const first = CALENDAR_DEFAULTS;
    expect(currentCursor(first)).toBeUndefined();
    const third = nextPage(nextPage(first, "p2"), "p3");
    expect(currentCursor(third)).toBe("p3");
    expect(roundTrip(third).cursors).toEqual(["p2", "p3"]);
    expect(previousPage(third).cursors).toEqual(["p2"]);
    expect(withQueryChange(third, { sort: "endTime" })).toMatchObject({
      sort: "endTime",
      cursors: [],
    });
    expect(withDisplayChange(third, { view: "week" })).toMatchObject({
      view: "week",
      cursors: ["p2", "p3"],
    });
  });
});

describe("review search params", () => {
  it("defaults to the last 30 days with no filter, written as nothing", () => {
    const state = parseReviewSearchParams({});
    expect(state).toEqual(REVIEW_DEFAULTS);
    expect(serializeReviewState(state).toString()).toBe("");
  });

  it("round-trips the filters and a past range", () => {
    const state: ReviewState = {
      range: { preset: "last-90-days" },
      pending: true,
      recording: true,
      expiring: true,
      cursors: ["c1"],
    };
    const query = serializeReviewState(state);
    expect(query.toString()).toBe("range=last-90-days&pending=1&recording=1&expiring=1&cursor=c1");
    expect(parseReviewSearchParams(query)).toEqual(state);
    const custom: ReviewState = {
      ...REVIEW_DEFAULTS,
      range: { preset: "custom", from: "2026-01-01", to: "2026-01-31" },
    };
    expect(parseReviewSearchParams(serializeReviewState(custom))).toEqual(custom);
  });

  it("reads a filter as on only when it is 1, and refuses the calendar's future presets", () => {
    expect(parseReviewSearchParams({ pending: "yes", recording: "1" })).toMatchObject({
      pending: false,
      recording: true,
    });
    expect(parseReviewSearchParams({ range: "next-7-days" }).range).toEqual({
      preset: "last-30-days",
    });
  });
});
