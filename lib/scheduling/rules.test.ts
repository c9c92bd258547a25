import { describe, expect, it } from "vitest";
import { checkEventSpan, isTimeZone, offsetDateTime } from "./rules";
import { resolveLocalTime } from "./time";

describe("checkEventSpan", () => {
  const start = new Date("2026-06-15T09:00:00Z");
  it("refuses an end before or at the start", () => {
    expect(checkEventSpan(start, new Date("2026-06-15T08:00:00Z"))?.message).toBe(
      "The end must be after the start.",
    );
    expect(checkEventSpan(start, start)?.reason).toBe("end_not_after_start");
  });
  it("allows exactly 24 hours and refuses a minute more", () => {
    expect(checkEventSpan(start, new Date("2026-06-16T09:00:00Z"))).toBeUndefined();
    expect(checkEventSpan(start, new Date("2026-06-16T09:01:00Z"))?.message).toBe(
      "An interview can last at most 24 hours.",
    );
  });
  it("measures a span across a DST change in real minutes", () => {
    // 00:00 to 00:30 the next day, local, on the spring-forward day is 23.5 real hours: allowed.
    const from = resolveLocalTime("2026-03-08", "00:00", "America/Los_Angeles");
    const to = resolveLocalTime("2026-03-09", "00:30", "America/Los_Angeles");
    if (!from.ok || !to.ok) throw new Error("both times exist");
    expect(checkEventSpan(from.instant, to.instant)).toBeUndefined();
  });
});

describe("isTimeZone", () => {
  it("knows IANA names and refuses others", () => {
    expect(isTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Not/AZone")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(" UTC")).toBe(false);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("offsetDateTime", () => {
  it("accepts instants with an offset or Z and refuses floating local times", () => {
    expect(offsetDateTime.safeParse("2026-03-08T10:30:00-07:00").success).toBe(true);
    expect(offsetDateTime.safeParse("2026-03-08T17:30:00Z").success).toBe(true);
    expect(offsetDateTime.safeParse("2026-03-08T10:30:00").success).toBe(false);
    expect(offsetDateTime.safeParse("next tuesday").success).toBe(false);
  });
});
