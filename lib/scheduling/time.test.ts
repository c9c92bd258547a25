import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isTimeZone } from "./rules";
import {
  currentZoneName,
  formatInZone,
  resolveLocalTime,
  supportedTimeZones,
  toLocalParts,
  toLocalSpan,
  toZonedIso,
} from "./time";

function resolved(date: string, time: string, zone: string) {
  const result = resolveLocalTime(date, time, zone);
  if (!result.ok) throw new Error(`expected ${date} ${time} ${zone} to resolve: ${result.message}`);
  return result;
}

describe("resolveLocalTime", () => {
  it("turns a Los Angeles morning after the spring change into -07:00", () => {
    const result = resolved("2026-03-08", "10:30", "America/Los_Angeles");
    expect(result.iso).toBe("2026-03-08T10:30:00-07:00");
    expect(result.instant.toISOString()).toBe("2026-03-08T17:30:00.000Z");
    expect(result.ambiguous).toBeUndefined();
  });

  it("uses standard time before the spring change", () => {
    expect(resolved("2026-03-07", "10:30", "America/Los_Angeles").iso).toBe(
      "2026-03-07T10:30:00-08:00",
    );
  });

  it("refuses a local time inside the spring-forward gap with a clear message", () => {
    const result = resolveLocalTime("2026-03-08", "02:30", "America/Los_Angeles");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("nonexistent");
    expect(result.message).toMatch(/does not exist in America\/Los_Angeles/);
  });

  it("accepts the first minute after the gap", () => {
    expect(resolved("2026-03-08", "03:00", "America/Los_Angeles").iso).toBe(
      "2026-03-08T03:00:00-07:00",
    );
  });

  it("resolves a time in the fall-back overlap to the earlier offset and reports the other", () => {
    const result = resolved("2026-11-01", "01:30", "America/Los_Angeles");
    expect(result.iso).toBe("2026-11-01T01:30:00-07:00");
    expect(result.instant.toISOString()).toBe("2026-11-01T08:30:00.000Z");
    expect(result.ambiguous).toEqual({
      laterIso: "2026-11-01T01:30:00-08:00",
      laterOffset: "-08:00",
    });
  });

  it("handles the southern hemisphere's gap (Sydney, first Sunday of October)", () => {
    expect(resolveLocalTime("2026-10-04", "02:15", "Australia/Sydney").ok).toBe(false);
    expect(resolved("2026-10-04", "03:15", "Australia/Sydney").iso).toBe(
      "2026-10-04T03:15:00+11:00",
    );
  });

  it("handles half-hour and quarter-hour zones", () => {
    expect(resolved("2026-06-15", "09:00", "Asia/Kolkata").iso).toBe("2026-06-15T09:00:00+05:30");
    expect(resolved("2026-06-15", "09:00", "Asia/Kathmandu").iso).toBe("2026-06-15T09:00:00+05:45");
    expect(resolved("2026-01-15", "09:00", "Australia/Adelaide").iso).toBe(
      "2026-01-15T09:00:00+10:30",
    );
    expect(resolved("2026-06-15", "09:00", "America/St_Johns").iso).toBe(
      "2026-06-15T09:00:00-02:30",
    );
  });

  it("writes UTC as +00:00", () => {
    expect(resolved("2026-06-15", "09:00", "UTC").iso).toBe("2026-06-15T09:00:00+00:00");
    expect(resolved("2026-01-15", "09:00", "Europe/London").iso).toBe("2026-01-15T09:00:00+00:00");
  });

  it("refuses an unknown zone, an impossible date and a malformed time", () => {
    expect(resolveLocalTime("2026-06-15", "09:00", "Mars/Olympus")).toMatchObject({
      ok: false,
      reason: "invalid_zone",
    });
    expect(resolveLocalTime("2026-02-30", "09:00", "UTC")).toMatchObject({
      ok: false,
      reason: "invalid_date",
    });
    expect(resolveLocalTime("2026-06-15", "24:00", "UTC")).toMatchObject({
      ok: false,
      reason: "invalid_time",
    });
    expect(resolveLocalTime("2026-06-15", "9am", "UTC")).toMatchObject({
      ok: false,
      reason: "invalid_time",
    });
  });

  it("gives the same answers whatever the machine's time zone", { timeout: 60_000 }, async () => {
    // Setting process.env.TZ inside a running process is unreliable, so run the same
    // conversions in fresh processes under very different machine zones and compare.
    const script = `
      import { resolveLocalTime, toLocalParts } from "./lib/scheduling/time.ts";
      const cases = [["2026-03-08","10:30","America/Los_Angeles"],["2026-03-08","02:30","America/Los_Angeles"],
        ["2026-11-01","01:30","America/Los_Angeles"],["2026-06-15","09:00","Asia/Kathmandu"]];
      console.log(JSON.stringify([cases.map((c) => resolveLocalTime(...c)),
        toLocalParts("2026-03-08T17:30:00Z", "Asia/Kolkata")]));`;
    const outputs = await Promise.all(
      ["UTC", "America/Los_Angeles", "Asia/Kathmandu", "Pacific/Kiritimati"].map(async (zone) => {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ["--import", "tsx", "--input-type=module", "-e", script],
          { env: { ...process.env, TZ: zone }, encoding: "utf8" },
        );
        return stdout;
      }),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain("2026-03-08T10:30:00-07:00");
  });
});

describe("toLocalParts and toZonedIso", () => {
  it("shows one instant as the wall clock of each zone", () => {
    const instant = new Date("2026-03-08T17:30:00Z");
    expect(toLocalParts(instant, "America/Los_Angeles")).toEqual({
      date: "2026-03-08",
      time: "10:30",
    });
    expect(toLocalParts(instant, "Asia/Kathmandu")).toEqual({ date: "2026-03-08", time: "23:15" });
    expect(toLocalParts(instant, "Pacific/Kiritimati")).toEqual({
      date: "2026-03-09",
      time: "07:30",
    });
    expect(toZonedIso(instant, "Asia/Kolkata")).toBe("2026-03-08T23:00:00+05:30");
  });

  it("gives an event's span as form fields, across midnight", () => {
    expect(toLocalSpan("2026-03-08T17:30:00Z", "2026-03-08T19:00:00Z", "Asia/Kathmandu")).toEqual({
      date: "2026-03-08",
      startTime: "23:15",
      endDate: "2026-03-09",
      endTime: "00:45",
    });
  });

  it("round-trips both occurrences of an ambiguous local time", () => {
    const result = resolved("2026-11-01", "01:30", "America/Los_Angeles");
    expect(toLocalParts(result.instant, "America/Los_Angeles")).toEqual({
      date: "2026-11-01",
      time: "01:30",
    });
    expect(toLocalParts(result.ambiguous!.laterIso, "America/Los_Angeles")).toEqual({
      date: "2026-11-01",
      time: "01:30",
    });
  });

  it("formats a readable moment with the zone's abbreviation", () => {
    expect(formatInZone("2026-03-08T17:30:00Z", "America/Los_Angeles")).toBe(
      "Sun, Mar 8, 2026, 10:30 AM PDT",
    );
  });
});

describe("supportedTimeZones", () => {
  it("lists zones under their current IANA names, UTC included", () => {
    const zones = supportedTimeZones();
    expect(zones).toEqual(
      expect.arrayContaining(["Asia/Kolkata", "Asia/Kathmandu", "Europe/Kyiv", "UTC"]),
    );
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones.every(isTimeZone)).toBe(true);
    expect(currentZoneName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(currentZoneName("America/New_York")).toBe("America/New_York");
  });
});
