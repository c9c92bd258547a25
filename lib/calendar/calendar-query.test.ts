import { describe, expect, it } from "vitest";
import {
  calendarQuery,
  nextCursorOf,
  nextEventsPageParam,
  pageEventIds,
  pageEvents,
  sortPage,
} from "./calendar-query";
import { parseCalendarSearchParams } from "./search-params";
import { testEvent } from "./test-events.test-support";

const state = (query: string) => parseCalendarSearchParams(new URLSearchParams(query));

describe("calendarQuery", () => {
  const now = new Date("2026-06-17T15:00:00Z");

  it("asks for the range's days in the viewer's zone, from the URL's cursor, sorted", () => {
    const { range, variables } = calendarQuery(
      state("range=today&field=end&sort=status&dir=desc&cursor=YWJj"),
      "America/New_York",
      now,
    );
    expect(range.firstDay).toBe("2026-06-17");
    expect(variables).toEqual({
      first: 100,
      after: "YWJj",
      input: {
        endTime: { after: "2026-06-17T04:00:00+00:00", before: "2026-06-18T04:00:00+00:00" },
        sort: { field: "STATUS", direction: "DESC" },
      },
    });
    expect(calendarQuery(state(""), "UTC", now).variables.after).toBeNull();
  });

  it("gives a DST change day its 23 or 25 hours", () => {
    const spring = calendarQuery(
      state("range=custom&from=2026-03-08&to=2026-03-08"),
      "America/New_York",
      now,
    ).variables.input.startTime!;
    expect(spring).toEqual({
      after: "2026-03-08T05:00:00+00:00",
      before: "2026-03-09T04:00:00+00:00",
    });
    const autumn = calendarQuery(
      state("range=custom&from=2026-10-25&to=2026-10-25"),
      "Europe/Berlin",
      now,
    ).variables.input.startTime!;
    expect(autumn).toEqual({
      after: "2026-10-24T22:00:00+00:00",
      before: "2026-10-25T23:00:00+00:00",
    });
  });

  it("starts a half-hour zone's day at its own midnight", () => {
    const { variables } = calendarQuery(
      state("range=custom&from=2026-06-17&to=2026-06-18"),
      "Asia/Kolkata",
      now,
    );
    expect(variables.input.startTime).toEqual({
      after: "2026-06-16T18:30:00+00:00",
      before: "2026-06-18T18:30:00+00:00",
    });
  });
});

describe("pages", () => {
  const page = {
    totalCount: 3,
    pageInfo: { endCursor: "Yw==", hasNextPage: true },
    events: [
      {
        id: "b",
        status: "SCHEDULED",
        startTime: "2026-06-17T12:00:00+02:00",
        endTime: "2026-06-17T13:00:00+02:00",
      },
      null,
      {
        id: "a",
        status: "CANCELED",
        startTime: "2026-06-17T09:00:00Z",
        endTime: "2026-06-17T09:30:00Z",
      },
      { id: "no-time", startTime: null, endTime: null },
      { id: "bad id <script>", startTime: "2026-06-17T08:00:00Z", endTime: "2026-06-17T09:00:00Z" },
    ],
  };

  it("reads the next cursor only while Indeed says there is a next page", () => {
    expect(nextCursorOf(page)).toBe("Yw==");
    expect(nextCursorOf({ ...page, pageInfo: { endCursor: "Yw==", hasNextPage: false } })).toBe(
      undefined,
    );
    expect(nextEventsPageParam({ findVirtualInterviewEvents: null })).toBeUndefined();
  });

  it("keeps readable events in the chosen order and counts the rest", () => {
    const { events, skipped } = pageEvents(page, state(""));
    expect(events.map((e) => e.id)).toEqual(["bad id <script>", "a", "b"]);
    expect(skipped).toBe(2);
  });

  it("asks the ledger only about ids an event page can have", () => {
    expect(pageEventIds(page)).toEqual(["b", "a", "no-time"]);
  });
});

describe("sortPage", () => {
  const early = testEvent("early", "2026-06-17T09:00:00Z", "2026-06-17T12:00:00Z");
  const late = testEvent("late", "2026-06-17T10:00:00Z", "2026-06-17T11:00:00Z", {
    status: "CANCELED",
  });

  it("sorts by start, end or status, either way", () => {
    const ids = (query: string) => sortPage([late, early], state(query)).map((e) => e.id);
    expect(ids("")).toEqual(["early", "late"]);
    expect(ids("dir=desc")).toEqual(["late", "early"]);
    expect(ids("sort=endTime")).toEqual(["late", "early"]);
    expect(ids("sort=status")).toEqual(["late", "early"]);
    expect(ids("sort=status&dir=desc")).toEqual(["early", "late"]);
  });
});
