import { describe, expect, it } from "vitest";
import { isCanceled, toCalendarEvents } from "./calendar-event";
import { calendarEventsVariables, reviewEventsVariables } from "./find-events-variables";
import { customRange } from "./range";

describe("toCalendarEvents", () => {
  it("keeps placeable events, normalises their instants and counts what it skipped", () => {
    const { events, skipped } = toCalendarEvents([
      {
        id: "a",
        status: "CANCELED",
        title: "Chat",
        startTime: "2026-06-17T09:00:00+02:00",
        endTime: "2026-06-17T10:00:00+02:00",
        timezone: "Europe/Berlin",
      },
      { id: "no-times", startTime: null, endTime: null },
      { id: "local", startTime: "2026-06-17T09:00:00", endTime: "2026-06-17T10:00:00+00:00" },
      null,
      {
        id: "odd-zone",
        startTime: "2026-06-17T09:00:00Z",
        endTime: "2026-06-17T08:00:00Z",
        timezone: "Mars/Base",
      },
    ]);
    expect(skipped).toBe(3);
    expect(events).toEqual([
      {
        id: "a",
        status: "CANCELED",
        title: "Chat",
        startTime: "2026-06-17T07:00:00.000Z",
        endTime: "2026-06-17T08:00:00.000Z",
        timezone: "Europe/Berlin",
      },
      {
        id: "odd-zone",
        status: null,
        title: null,
        startTime: "2026-06-17T09:00:00.000Z",
        endTime: "2026-06-17T09:00:00.000Z",
        timezone: null,
      },
    ]);
    expect(events.map(isCanceled)).toEqual([true, false]);
  });
});

describe("find events variables", () => {
  const range = customRange("2026-03-08", "2026-03-08", "America/New_York");
  if (!range.ok) throw new Error("bad test range");

  it("filters the chosen time on the range in UTC and sorts as asked", () => {
    expect(
      calendarEventsVariables({ field: "end", sort: "status", dir: "desc" }, range.range, "c2"),
    ).toEqual({
      first: 100,
      after: "c2",
      input: {
        endTime: { after: "2026-03-08T05:00:00+00:00", before: "2026-03-09T04:00:00+00:00" },
        sort: { field: "STATUS", direction: "DESC" },
      },
    });
    expect(
      calendarEventsVariables({ field: "start", sort: "startTime", dir: "asc" }, range.range, null)
        .input,
    ).toEqual({
      startTime: { after: "2026-03-08T05:00:00+00:00", before: "2026-03-09T04:00:00+00:00" },
      sort: { field: "START_TIME", direction: "ASC" },
    });
  });

  it("asks the review queue for interviews ended before now, newest first", () => {
    const now = new Date("2026-03-08T18:00:00Z");
    expect(reviewEventsVariables(range.range, now, null).input).toEqual({
      endTime: { after: "2026-03-08T05:00:00+00:00", before: "2026-03-08T18:00:00+00:00" },
      sort: { field: "END_TIME", direction: "DESC" },
    });
    // A range wholly in the future asks for nothing rather than a reversed window.
    const future = reviewEventsVariables(range.range, new Date("2026-03-01T00:00:00Z"), null).input
      .endTime;
    expect(future).toEqual({
      after: "2026-03-08T05:00:00+00:00",
      before: "2026-03-08T05:00:00+00:00",
    });
  });
});
