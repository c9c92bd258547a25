import { afterEach, describe, expect, test } from "vitest";
import { formatInterviewTime } from "./interview-time";

const machineZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = machineZone;
});

describe("formatInterviewTime", () => {
  test("writes the day and times in the event's zone, with its name and UTC offset", () => {
    expect(
      formatInterviewTime(
        "2030-01-15T19:30:00Z",
        "2030-01-15T20:15:00Z",
        "America/New_York",
        "en-GB",
      ),
    ).toBe("Tuesday, 15 January 2030, 14:30–15:15 (America/New_York, UTC−05:00)");
  });

  test("the offset is the one at the interview, not today's: summer and winter differ", () => {
    expect(
      formatInterviewTime("2030-07-16T12:00:00Z", "2030-07-16T13:00:00Z", "Europe/Berlin", "de-DE"),
    ).toBe("Dienstag, 16. Juli 2030, 14:00–15:00 (Europe/Berlin, UTC+02:00)");
    expect(
      formatInterviewTime("2030-01-15T13:00:00Z", "2030-01-15T14:00:00Z", "Europe/Berlin", "de-DE"),
    ).toBe("Dienstag, 15. Januar 2030, 14:00–15:00 (Europe/Berlin, UTC+01:00)");
  });

  test("half-hour and quarter-hour zones", () => {
    expect(
      formatInterviewTime("2030-01-15T09:00:00Z", "2030-01-15T09:30:00Z", "Asia/Kolkata", "en-GB"),
    ).toBe("Tuesday, 15 January 2030, 14:30–15:00 (Asia/Kolkata, UTC+05:30)");
    expect(
      formatInterviewTime(
        "2030-01-15T08:45:00Z",
        "2030-01-15T09:15:00Z",
        "Asia/Kathmandu",
        "fr-FR",
      ),
    ).toBe("mardi 15 janvier 2030, 14:30–15:00 (Asia/Kathmandu, UTC+05:45)");
    expect(
      formatInterviewTime(
        "2030-01-15T18:00:00Z",
        "2030-01-15T19:00:00Z",
        "America/St_Johns",
        "en-GB",
      ),
    ).toBe("Tuesday, 15 January 2030, 14:30–15:30 (America/St_Johns, UTC−03:30)");
  });

  test("an interview across a daylight-saving change shows both offsets", () => {
    // New York falls back at 02:00 EDT on 1 November 2026: 01:30 EDT, then 01:15 EST.
    expect(
      formatInterviewTime(
        "2026-11-01T05:30:00Z",
        "2026-11-01T06:15:00Z",
        "America/New_York",
        "en-GB",
      ),
    ).toBe("Sunday, 1 November 2026, 01:30–01:15 (America/New_York, UTC−04:00 → UTC−05:00)");
  });

  test("an interview past midnight names both days", () => {
    expect(
      formatInterviewTime(
        "2030-01-16T04:30:00Z",
        "2030-01-16T05:15:00Z",
        "America/New_York",
        "es-ES",
      ),
    ).toBe(
      "martes, 15 de enero de 2030, 23:30 – miércoles, 16 de enero de 2030, 00:15 (America/New_York, UTC−05:00)",
    );
  });

  test("gives the same text whatever the machine's zone", () => {
    const format = () =>
      formatInterviewTime(
        "2026-03-08T10:30:00Z",
        "2026-03-08T11:15:00Z",
        "America/Los_Angeles",
        "en-GB",
      );
    const seen = new Set<string>();
    const machineOffsets = new Set<number>();
    for (const zone of ["UTC", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Kiritimati"]) {
      process.env.TZ = zone;
      machineOffsets.add(new Date("2026-03-08T10:30:00Z").getTimezoneOffset());
      seen.add(format());
    }
    // The machine's zone really changed each time.
    expect(machineOffsets.size).toBe(4);
    // 02:30 local is skipped that morning; 10:30Z is 03:30 PDT, after the jump.
    expect([...seen]).toEqual([
      "Sunday, 8 March 2026, 03:30–04:15 (America/Los_Angeles, UTC−07:00)",
    ]);
  });
});
