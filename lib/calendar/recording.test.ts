import { describe, expect, it } from "vitest";
import {
  daysLeftText,
  isRecordingExpired,
  recordingDaysLeft,
  recordingExpiresAt,
  recordingExpiresWithin,
  recordingStatus,
  recordingStatusText,
} from "./recording";

const END = "2026-06-01T10:00:00Z";
const DAY = 86_400_000;
const after = (ms: number) => new Date(new Date(END).getTime() + ms);

describe("recording expiry", () => {
  it("expires 90 days after the end of the interview", () => {
    expect(recordingExpiresAt(END).toISOString()).toBe("2026-08-30T10:00:00.000Z");
    expect(isRecordingExpired(END, after(90 * DAY - 1))).toBe(false);
    expect(isRecordingExpired(END, after(90 * DAY))).toBe(true);
  });

  it("counts whole days left, rounded down, never below zero", () => {
    expect(recordingDaysLeft(END, new Date(END))).toBe(90);
    expect(recordingDaysLeft(END, after(60_000))).toBe(89);
    expect(recordingDaysLeft(END, after(76 * DAY))).toBe(14);
    expect(recordingDaysLeft(END, after(89.5 * DAY))).toBe(0);
    expect(recordingDaysLeft(END, after(200 * DAY))).toBe(0);
  });

  it("expires within 14 days from day 76 on, and not once expired", () => {
    expect(recordingExpiresWithin(END, 14, after(76 * DAY - 1))).toBe(false);
    expect(recordingExpiresWithin(END, 14, after(76 * DAY))).toBe(true);
    expect(recordingExpiresWithin(END, 14, after(90 * DAY))).toBe(false);
  });
});

describe("recordingStatus", () => {
  it("gives the link and the days left while available", () => {
    const status = recordingStatus({ recordingUrl: "https://r/1" }, END, after(30 * DAY));
    expect(status).toMatchObject({ kind: "available", url: "https://r/1", daysLeft: 60 });
    expect(recordingStatusText(status)).toBe("Recording available for 60 more days.");
    expect(
      recordingStatusText(recordingStatus({ recordingUrl: "https://r/1" }, END, after(89 * DAY))),
    ).toBe("Recording available for 1 more day.");
  });

  it("says expired after 90 days even when Indeed still sends the link", () => {
    const status = recordingStatus({ recordingUrl: "https://r/1" }, END, after(91 * DAY));
    expect(status.kind).toBe("expired");
    expect(recordingStatusText(status)).toMatch(/expired: Indeed keeps recordings 90 days/);
  });

  it("reads a null link honestly: not ended, probably processing, or missing without a reason", () => {
    const upcoming = recordingStatus({ recordingUrl: null }, END, after(-60_000));
    expect(recordingStatusText(upcoming)).toMatch(/has not ended.*usually a few minutes after/);
    const processing = recordingStatus({ recordingUrl: null }, END, after(10 * 60_000));
    expect(processing.kind).toBe("processing");
    expect(recordingStatusText(processing)).toMatch(
      /probably still processing.*usually a few minutes/,
    );
    const missing = recordingStatus({}, END, after(2 * 60 * 60_000));
    expect(missing.kind).toBe("missing");
    expect(recordingStatusText(missing)).toMatch(/not have been recorded, or processing failed/);
    expect(recordingStatusText(missing)).toMatch(/still missing 24 hours after.*contact Indeed/);
  });

  it("calls nothing expired when there never was a link", () => {
    expect(recordingStatus({ recordingUrl: null }, END, after(120 * DAY)).kind).toBe("missing");
  });
  it("counts down to less than a day", () => {
    expect([90, 2, 1, 0].map(daysLeftText)).toEqual([
      "90 days left",
      "2 days left",
      "1 day left",
      "Less than a day left",
    ]);
  });
});
