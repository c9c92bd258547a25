import { describe, expect, it } from "vitest";
import { agendaRows, groupByDay } from "./agenda";
import { testEvent } from "./test-events.test-support";

const summary = (days: ReturnType<typeof groupByDay>) =>
  days.map((day) => [
    day.date,
    day.entries.map(
      (entry) =>
        `${entry.event.id}${entry.continuesFromPreviousDay ? "<" : ""}${entry.continuesToNextDay ? ">" : ""}`,
    ),
  ]);

describe("groupByDay", () => {
  it("groups by the day in the zone, not in UTC, and sorts the days", () => {
    const events = [
      testEvent("b", "2026-06-18T09:00:00Z", "2026-06-18T10:00:00Z"),
      // 20:00 UTC on the 17th is 01:30 on the 18th in Kolkata.
      testEvent("a", "2026-06-17T20:00:00Z", "2026-06-17T21:00:00Z"),
      testEvent("c", "2026-06-16T10:00:00Z", "2026-06-16T11:00:00Z"),
    ];
    expect(summary(groupByDay(events, { zone: "UTC" }))).toEqual([
      ["2026-06-16", ["c"]],
      ["2026-06-17", ["a"]],
      ["2026-06-18", ["b"]],
    ]);
    expect(summary(groupByDay(events, { zone: "Asia/Kolkata" }))).toEqual([
      ["2026-06-16", ["c"]],
      ["2026-06-18", ["b", "a"]],
    ]);
    expect(
      summary(groupByDay(events, { zone: "UTC", order: "desc" })).map(([date]) => date),
    ).toEqual(["2026-06-18", "2026-06-17", "2026-06-16"]);
  });

  it("lists an event across midnight on each day it touches, marked as continuing", () => {
    const overnight = testEvent("night", "2026-06-17T22:00:00-04:00", "2026-06-18T01:00:00-04:00");
    expect(summary(groupByDay([overnight], { zone: "America/New_York" }))).toEqual([
      ["2026-06-17", ["night>"]],
      ["2026-06-18", ["night<"]],
    ]);
    // A 24-hour interview from noon touches two days, continuing on both.
    const day = testEvent("day", "2026-06-17T12:00:00Z", "2026-06-18T12:00:00Z");
    expect(summary(groupByDay([day], { zone: "UTC" }))).toEqual([
      ["2026-06-17", ["day>"]],
      ["2026-06-18", ["day<"]],
    ]);
  });

  it("does not list an event ending exactly at midnight on the next day", () => {
    const evening = testEvent("e", "2026-06-17T23:00:00+02:00", "2026-06-18T00:00:00+02:00");
    expect(summary(groupByDay([evening], { zone: "Europe/Berlin" }))).toEqual([
      ["2026-06-17", ["e"]],
    ]);
    const instant = testEvent("z", "2026-06-18T00:00:00+02:00", "2026-06-18T00:00:00+02:00");
    expect(summary(groupByDay([instant], { zone: "Europe/Berlin" }))).toEqual([
      ["2026-06-18", ["z"]],
    ]);
  });

  it("splits at the real midnight of a DST change day in New York", () => {
    // Spring forward: March 8 lasts 23 hours. 23:30 March 8 EDT to 00:30 March 9 EDT.
    const overnight = testEvent("dst", "2026-03-09T03:30:00Z", "2026-03-09T04:30:00Z");
    expect(summary(groupByDay([overnight], { zone: "America/New_York" }))).toEqual([
      ["2026-03-08", ["dst>"]],
      ["2026-03-09", ["dst<"]],
    ]);
    // 22:30 to 23:30 UTC on March 8 is 18:30-19:30 EDT: one day, though UTC dates differ from local.
    const evening = testEvent("eve", "2026-03-08T22:30:00Z", "2026-03-08T23:30:00Z");
    expect(summary(groupByDay([evening], { zone: "America/New_York" }))).toEqual([
      ["2026-03-08", ["eve"]],
    ]);
  });

  it("keeps only the days of the range when asked", () => {
    const overnight = testEvent("late", "2026-06-21T23:00:00Z", "2026-06-22T01:00:00Z");
    expect(
      summary(
        groupByDay([overnight], {
          zone: "UTC",
          within: { firstDay: "2026-06-15", lastDay: "2026-06-21" },
        }),
      ),
    ).toEqual([["2026-06-21", ["late>"]]]);
  });

  it("gives no days and no rows for no events", () => {
    expect(groupByDay([], { zone: "UTC" })).toEqual([]);
    expect(agendaRows([])).toEqual([]);
  });
});

describe("agendaRows", () => {
  it("flattens days into a header row followed by its events, with unique keys", () => {
    const overnight = testEvent("n", "2026-06-17T23:00:00Z", "2026-06-18T01:00:00Z");
    const rows = agendaRows(
      groupByDay([overnight, testEvent("m", "2026-06-18T09:00:00Z", "2026-06-18T10:00:00Z")], {
        zone: "UTC",
      }),
    );
    expect(rows.map((row) => row.key)).toEqual([
      "day:2026-06-17",
      "event:2026-06-17:n",
      "day:2026-06-18",
      "event:2026-06-18:n",
      "event:2026-06-18:m",
    ]);
    expect(rows[2]).toMatchObject({ kind: "day", count: 2 });
  });
});
