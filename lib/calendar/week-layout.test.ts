import { describe, expect, it } from "vitest";
import { daysOf, weekContaining } from "./range";
import { testEvent } from "./test-events.test-support";
import { layoutWeek, moveInWeek, type WeekDayColumn } from "./week-layout";

const DAY = "2026-06-17";
const oneDay = (events: Parameters<typeof layoutWeek>[0], zone = "UTC", date = DAY) =>
  layoutWeek(events, { days: [date], zone })[0]!;
const placement = (column: WeekDayColumn) =>
  Object.fromEntries(
    column.blocks.map((block) => [block.event.id, [block.column, block.columnCount]]),
  );
const at = (time: string, date = DAY) => `${date}T${time}:00Z`;

describe("layoutWeek", () => {
  it("places an event by its share of the day", () => {
    const [block] = oneDay([testEvent("a", at("06:00"), at("09:00"))]).blocks;
    expect(block).toMatchObject({ top: 0.25, height: 0.125, column: 0, columnCount: 1 });
  });

  it("puts two overlapping events side by side", () => {
    const column = oneDay([
      testEvent("a", at("09:00"), at("10:00")),
      testEvent("b", at("09:30"), at("10:30")),
    ]);
    expect(placement(column)).toEqual({ a: [0, 2], b: [1, 2] });
  });

  it("packs three overlaps into three columns and reuses a freed column within the cluster", () => {
    const column = oneDay([
      testEvent("long", at("09:00"), at("12:00")),
      testEvent("b", at("09:00"), at("10:00")),
      testEvent("c", at("09:30"), at("10:30")),
      // Starts after b ends but while long and c run: takes b's column, the cluster stays 3 wide.
      testEvent("d", at("10:00"), at("11:00")),
    ]);
    expect(placement(column)).toEqual({ long: [0, 3], b: [1, 3], c: [2, 3], d: [1, 3] });
  });

  it("keeps touching events full width, and separate clusters apart", () => {
    const column = oneDay([
      testEvent("a", at("09:00"), at("10:00")),
      testEvent("b", at("10:00"), at("11:00")),
      testEvent("c", at("13:00"), at("14:00")),
      testEvent("d", at("13:30"), at("14:30")),
    ]);
    expect(placement(column)).toEqual({ a: [0, 1], b: [0, 1], c: [0, 2], d: [1, 2] });
  });

  it("splits an event across midnight into a block on each day", () => {
    const [first, second] = layoutWeek([testEvent("n", at("22:00"), at("02:00", "2026-06-18"))], {
      days: ["2026-06-17", "2026-06-18"],
      zone: "UTC",
    });
    expect(first!.blocks[0]).toMatchObject({
      top: 22 / 24,
      height: 2 / 24,
      continuesToNextDay: true,
    });
    expect(second!.blocks[0]).toMatchObject({
      top: 0,
      height: 2 / 24,
      continuesFromPreviousDay: true,
    });
  });

  it("measures a DST change day by its real length: 23 hours in New York, 25 in Berlin", () => {
    // 12:00 EDT on the 23-hour March 8 is 11 hours after midnight EST.
    const spring = oneDay(
      [testEvent("s", "2026-03-08T12:00:00-04:00", "2026-03-08T13:00:00-04:00")],
      "America/New_York",
      "2026-03-08",
    );
    expect(spring.blocks[0]).toMatchObject({ top: 11 / 23, height: 1 / 23 });
    expect(spring.hourLines).toHaveLength(22);
    const fall = oneDay(
      [testEvent("f", "2026-10-25T12:00:00+01:00", "2026-10-25T13:00:00+01:00")],
      "Europe/Berlin",
      "2026-10-25",
    );
    expect(fall.blocks[0]).toMatchObject({ top: 13 / 25, height: 1 / 25 });
    expect(fall.hourLines).toHaveLength(24);
  });

  it("starts a half-hour zone's day at its own midnight, with lines on its whole hours", () => {
    const column = oneDay(
      [testEvent("k", "2026-06-17T09:00:00+05:30", "2026-06-17T10:30:00+05:30")],
      "Asia/Kolkata",
    );
    expect(column.from.toISOString()).toBe("2026-06-16T18:30:00.000Z");
    expect(column.blocks[0]).toMatchObject({ top: 9 / 24, height: 1.5 / 24 });
    expect(column.hourLines[0]!.at.toISOString()).toBe("2026-06-16T19:30:00.000Z");
  });

  it("draws a short event at least 15 minutes tall, and keeps it inside the day", () => {
    const column = oneDay([
      testEvent("short", at("09:00"), at("09:05")),
      testEvent("next", at("09:10"), at("09:40")),
      testEvent("last", at("23:55"), at("23:59")),
    ]);
    expect(placement(column)).toMatchObject({ short: [0, 2], next: [1, 2] });
    const last = column.blocks.find((block) => block.event.id === "last")!;
    expect(last.top + last.height).toBeCloseTo(1);
  });

  it("gives seven empty columns for a week with no events", () => {
    const week = layoutWeek([], { days: daysOf(weekContaining(DAY, "UTC")), zone: "UTC" });
    expect(week.map((column) => column.date)).toEqual(
      daysOf({ firstDay: "2026-06-15", lastDay: "2026-06-21" }),
    );
    expect(week.every((column) => column.blocks.length === 0)).toBe(true);
  });
});

describe("moveInWeek", () => {
  const week = layoutWeek(
    [
      testEvent("mon-9", at("09:00", "2026-06-15"), at("10:00", "2026-06-15")),
      testEvent("mon-14", at("14:00", "2026-06-15"), at("15:00", "2026-06-15")),
      testEvent("wed-13", at("13:00", "2026-06-17"), at("14:00", "2026-06-17")),
      testEvent("wed-8", at("08:00", "2026-06-17"), at("09:00", "2026-06-17")),
    ],
    { days: daysOf({ firstDay: "2026-06-15", lastDay: "2026-06-21" }), zone: "UTC" },
  );
  const idAt = (position: { day: number; index: number }) =>
    week[position.day]!.blocks[position.index]!.event.id;

  it("moves down a day's events in time order, then on to the next day with events", () => {
    expect(idAt(moveInWeek(week, { day: 0, index: 0 }, "ArrowDown"))).toBe("mon-14");
    expect(idAt(moveInWeek(week, { day: 0, index: 1 }, "ArrowDown"))).toBe("wed-8");
    expect(idAt(moveInWeek(week, { day: 2, index: 0 }, "ArrowUp"))).toBe("mon-14");
  });

  it("moves right and left to the nearest event in time on the next day with events", () => {
    expect(idAt(moveInWeek(week, { day: 0, index: 1 }, "ArrowRight"))).toBe("wed-13");
    expect(idAt(moveInWeek(week, { day: 2, index: 0 }, "ArrowLeft"))).toBe("mon-9");
  });

  it("stays put at the edges and jumps to the ends with Home and End", () => {
    expect(moveInWeek(week, { day: 2, index: 1 }, "ArrowRight")).toEqual({ day: 2, index: 1 });
    expect(moveInWeek(week, { day: 0, index: 0 }, "ArrowUp")).toEqual({ day: 0, index: 0 });
    expect(idAt(moveInWeek(week, { day: 2, index: 1 }, "Home"))).toBe("mon-9");
    expect(idAt(moveInWeek(week, { day: 0, index: 0 }, "End"))).toBe("wed-13");
  });
});
