import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { dayInZone, parseCalendarDate, startOfDayInZone } from "./calendar-date";
import { customRange, daysOf, presetRange, weekContaining } from "./range";

const HOUR = 3_600_000;
const hoursOf = (range: { from: Date; to: Date }) =>
  (range.to.getTime() - range.from.getTime()) / HOUR;
const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];

describe("presetRange", () => {
  const now = new Date("2026-06-17T15:00:00Z"); // a Wednesday

  it("gives today as local midnight to the next midnight, in UTC instants", () => {
    expect(iso(presetRange("today", { now, zone: "America/New_York" }))).toEqual([
      "2026-06-17T04:00:00.000Z",
      "2026-06-18T04:00:00.000Z",
    ]);
    expect(iso(presetRange("today", { now, zone: "UTC" }))).toEqual([
      "2026-06-17T00:00:00.000Z",
      "2026-06-18T00:00:00.000Z",
    ]);
  });

  it("takes today from the zone's wall clock, not from UTC", () => {
    const lateEvening = new Date("2026-03-08T04:30:00Z"); // 23:30 on March 7 in New York
    expect(presetRange("today", { now: lateEvening, zone: "America/New_York" }).firstDay).toBe(
      "2026-03-07",
    );
    expect(presetRange("today", { now: lateEvening, zone: "Asia/Kolkata" }).firstDay).toBe(
      "2026-03-08",
    );
  });

  it("starts this week on Monday, or on the given weekday", () => {
    const monday = presetRange("this-week", { now, zone: "Europe/Berlin" });
    expect([monday.firstDay, monday.lastDay]).toEqual(["2026-06-15", "2026-06-21"]);
    expect(monday.from.toISOString()).toBe("2026-06-14T22:00:00.000Z");
    const sunday = presetRange("this-week", { now, zone: "Europe/Berlin", weekStartsOn: 0 });
    expect([sunday.firstDay, sunday.lastDay]).toEqual(["2026-06-14", "2026-06-20"]);
    const onMonday = new Date("2026-06-15T08:00:00Z");
    expect(presetRange("this-week", { now: onMonday, zone: "UTC" }).firstDay).toBe("2026-06-15");
  });

  it("counts the next and last 7 days, and 30 and 90, with today included", () => {
    const next = presetRange("next-7-days", { now, zone: "UTC" });
    expect([next.firstDay, next.lastDay]).toEqual(["2026-06-17", "2026-06-23"]);
    const last = presetRange("last-7-days", { now, zone: "UTC" });
    expect([last.firstDay, last.lastDay]).toEqual(["2026-06-11", "2026-06-17"]);
    expect(presetRange("last-30-days", { now, zone: "UTC" }).firstDay).toBe("2026-05-19");
    expect(presetRange("last-90-days", { now, zone: "UTC" }).firstDay).toBe("2026-03-20");
  });

  it("covers this month from the 1st to the last day, February and December included", () => {
    const february = presetRange("this-month", {
      now: new Date("2026-02-10T12:00:00Z"),
      zone: "UTC",
    });
    expect([february.firstDay, february.lastDay]).toEqual(["2026-02-01", "2026-02-28"]);
    const december = presetRange("this-month", {
      now: new Date("2026-12-31T12:00:00Z"),
      zone: "America/Los_Angeles",
    });
    expect([december.firstDay, december.lastDay]).toEqual(["2026-12-01", "2026-12-31"]);
    expect(december.to.toISOString()).toBe("2027-01-01T08:00:00.000Z");
  });

  it("makes DST change days 23 and 25 hours long in New York and Berlin", () => {
    const springNewYork = presetRange("today", {
      now: new Date("2026-03-08T12:00:00Z"),
      zone: "America/New_York",
    });
    expect(iso(springNewYork)).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    expect(hoursOf(springNewYork)).toBe(23);
    const fallNewYork = presetRange("today", {
      now: new Date("2026-11-01T12:00:00Z"),
      zone: "America/New_York",
    });
    expect(hoursOf(fallNewYork)).toBe(25);
    expect(hoursOf(dayInZone("2026-03-29", "Europe/Berlin"))).toBe(23);
    expect(hoursOf(dayInZone("2026-10-25", "Europe/Berlin"))).toBe(25);
    // A week holding the change is 167 hours long, not 168.
    expect(hoursOf(weekContaining("2026-03-29", "Europe/Berlin"))).toBe(167);
  });

  it("starts days at the half- and three-quarter-hour midnights of Kolkata, Adelaide and Kathmandu", () => {
    expect(iso(dayInZone("2026-06-17", "Asia/Kolkata"))).toEqual([
      "2026-06-16T18:30:00.000Z",
      "2026-06-17T18:30:00.000Z",
    ]);
    expect(iso(dayInZone("2026-06-17", "Asia/Kathmandu"))).toEqual([
      "2026-06-16T18:15:00.000Z",
      "2026-06-17T18:15:00.000Z",
    ]);
    expect(startOfDayInZone("2026-06-17", "Australia/Adelaide").toISOString()).toBe(
      "2026-06-16T14:30:00.000Z",
    );
    // Adelaide springs forward from +09:30 to +10:30 at 02:00 on 2026-10-04.
    const adelaideChange = dayInZone("2026-10-04", "Australia/Adelaide");
    expect(iso(adelaideChange)).toEqual(["2026-10-03T14:30:00.000Z", "2026-10-04T13:30:00.000Z"]);
    expect(hoursOf(adelaideChange)).toBe(23);
  });

  it("starts a day whose midnight is skipped at the jump (Santiago, 2026-09-06)", () => {
    expect(iso(dayInZone("2026-09-06", "America/Santiago"))).toEqual([
      "2026-09-06T04:00:00.000Z",
      "2026-09-07T03:00:00.000Z",
    ]);
    // And the day before ends exactly there: consecutive days never overlap or leave a gap.
    expect(dayInZone("2026-09-05", "America/Santiago").to.toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
  });

  it("gives the same ranges whatever the machine's time zone", { timeout: 60_000 }, async () => {
    const script = `
      import { presetRange } from "./lib/calendar/range.ts";
      const now = new Date("2026-03-29T00:30:00Z");
      console.log(JSON.stringify(["today", "this-week", "this-month", "last-7-days"].flatMap((p) =>
        ["Europe/Berlin", "America/New_York", "Asia/Kathmandu"].map((zone) => presetRange(p, { now, zone })))));`;
    const outputs = await Promise.all(
      ["UTC", "America/Los_Angeles", "Asia/Kathmandu", "Europe/Berlin"].map(async (zone) => {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ["--import", "tsx", "--input-type=module", "-e", script],
          { env: { ...process.env, TZ: zone }, encoding: "utf8" },
        );
        return stdout;
      }),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('"firstDay":"2026-03-29"');
  });
});

describe("customRange", () => {
  it("includes both days, in the zone", () => {
    const result = customRange("2026-03-07", "2026-03-08", "America/New_York");
    expect(result.ok && iso(result.range)).toEqual([
      "2026-03-07T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
    ]);
    const oneDay = customRange("2026-06-17", "2026-06-17", "Asia/Kathmandu");
    expect(oneDay.ok && hoursOf(oneDay.range)).toBe(24);
  });

  it("refuses an end before the start, missing or impossible dates, and over a year", () => {
    expect(customRange("2026-06-17", "2026-06-16", "UTC")).toEqual({
      ok: false,
      field: "to",
      message: "The end date must be on or after the start date.",
    });
    expect(customRange("", "2026-06-16", "UTC")).toMatchObject({ ok: false, field: "from" });
    expect(customRange("2026-02-01", "2026-02-30", "UTC")).toMatchObject({
      ok: false,
      field: "to",
    });
    expect(customRange("2025-01-01", "2026-01-02", "UTC")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at most 366 days/),
    });
  });
});

describe("calendar days", () => {
  it("lists a range's days across a month end and validates dates", () => {
    expect(daysOf({ firstDay: "2026-02-27", lastDay: "2026-03-02" })).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    expect(parseCalendarDate("2028-02-29")).toBe("2028-02-29");
    expect(parseCalendarDate("2026-02-29")).toBeUndefined();
    expect(parseCalendarDate("2026-6-1")).toBeUndefined();
  });
});
