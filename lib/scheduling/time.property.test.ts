import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveLocalTime, toLocalParts, toZonedIso } from "./time";

/**
 * Issue 13: the time helpers, given 10,000 generated wall-clock times, never throw. A time
 * they resolve reads back as the same wall clock in its zone, and its ISO form is the same
 * instant; a time they refuse comes with a reason and a message.
 */

const RUNS = { numRuns: 10_000 };
// 10,000 runs through Intl's zone data take seconds on a shared machine, not milliseconds.
const SLOW = { timeout: 60_000 };
const ZONES = [
  "UTC",
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Berlin",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Pacific/Apia",
];
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

describe("the time helpers, on generated input", () => {
  it("resolve a real wall-clock time back to itself, or say why not", SLOW, () => {
    const wallClock = fc.record({
      year: fc.integer({ min: 1970, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      zone: fc.constantFrom(...ZONES),
    });
    fc.assert(
      fc.property(wallClock, ({ year, month, day, hour, minute, zone }) => {
        const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
        const time = `${pad(hour)}:${pad(minute)}`;
        const result = resolveLocalTime(date, time, zone);
        if (!result.ok) {
          expect(["invalid_date", "nonexistent"]).toContain(result.reason);
          expect(result.message).not.toBe("");
          return;
        }
        expect(toLocalParts(result.instant, zone)).toEqual({ date, time });
        expect(Date.parse(result.iso)).toBe(result.instant.getTime());
        expect(toZonedIso(result.instant, zone)).toBe(result.iso);
        if (result.ambiguous) {
          expect(toLocalParts(result.ambiguous.laterIso, zone)).toEqual({ date, time });
          expect(Date.parse(result.ambiguous.laterIso)).toBeGreaterThan(result.instant.getTime());
        }
      }),
      RUNS,
    );
  });

  it("refuse anything else with a reason, without throwing", SLOW, () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 14 }),
        fc.string({ maxLength: 8 }),
        fc.oneof(fc.constantFrom(...ZONES), fc.string({ maxLength: 20 })),
        (date, time, zone) => {
          const result = resolveLocalTime(date, time, zone);
          if (!result.ok) expect(result.message).not.toBe("");
        },
      ),
      RUNS,
    );
  });
});
