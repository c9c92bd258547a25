import { describe, expect, it } from "vitest";
import { formatInZone, formatRangeInZone } from "@/lib/scheduling/format-in-zone";
import { formatHourLabel, formatTimeRange } from "./format";

// Node's ICU and Chromium's print different spaces in times (a narrow no-break space before
// "PM", thin spaces around a range's dash). Text the server renders and the browser hydrates
// must be one string in both, so every formatted time uses the plain space.
const START = "2026-03-08T13:19:00-04:00";
const END = "2026-03-08T14:19:00-04:00";
const SPECIAL_SPACES = /[\u00a0\u2009\u202f]/;

describe("times shown on both sides of hydration", () => {
  it("a time range reads with plain spaces", () => {
    const text = formatTimeRange(START, END, "America/New_York");
    expect(text).toBe("1:19 – 2:19 PM");
    expect(text).not.toMatch(SPECIAL_SPACES);
  });

  it("the week grid's hour labels and the readable moments have plain spaces", () => {
    expect(formatHourLabel(13)).toBe("1 PM");
    const texts = [
      formatInZone(START, "America/New_York"),
      formatRangeInZone(START, END, "Asia/Kolkata"),
      formatRangeInZone(START, "2026-03-09T09:00:00-04:00", "Europe/Paris"),
    ];
    for (const text of texts) expect(text).not.toMatch(SPECIAL_SPACES);
    expect(texts[0]).toBe("Sun, Mar 8, 2026, 1:19 PM EDT");
  });
});
