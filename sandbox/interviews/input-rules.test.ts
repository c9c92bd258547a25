import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  isTimeZone,
  optionalCountryCode,
  optionalLanguageCode,
  parseDateTime,
  requireEmail,
  requireText,
} from "./input-rules";
import { ISO_3166_1_ALPHA_2_CODES, ISO_639_1_CODES } from "./iso-codes";

const codeOf = (run: () => unknown) => {
  try {
    run();
    return "ok";
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? "thrown";
  }
};

describe("input rules", () => {
  it("accepts ISO-8601 times with an offset and refuses local times", () => {
    expect(parseDateTime("2022-08-18T22:30:00+00:00", "t")).toBe(Date.UTC(2022, 7, 18, 22, 30));
    expect(parseDateTime("2022-08-18T15:30:00-07:00", "t")).toBe(Date.UTC(2022, 7, 18, 22, 30));
    expect(parseDateTime("2022-08-18T22:30:00.250Z", "t")).toBe(
      Date.UTC(2022, 7, 18, 22, 30, 0, 250),
    );
    for (const bad of [
      "2022-08-18T22:30:00",
      "2022-08-18",
      "tomorrow",
      "2022-13-45T99:00:00Z",
      17,
    ]) {
      expect(codeOf(() => parseDateTime(bad, "t"))).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses impossible dates instead of rolling them into the next month", () => {
    for (const bad of [
      "2022-02-30T10:00:00Z",
      "2023-02-29T10:00:00Z",
      "2022-04-31T10:00:00+00:00",
      "2022-08-18T24:00:00Z",
      "2022-08-18T23:60:00Z",
      "2022-08-18T23:59:60Z",
      "2022-08-18T22:30:00+24:00",
      "0000-01-01T00:00:00Z",
    ]) {
      expect(
        codeOf(() => parseDateTime(bad, "t")),
        bad,
      ).toBe("BAD_USER_INPUT");
    }
    expect(parseDateTime("2024-02-29T10:00:00Z", "t")).toBe(Date.UTC(2024, 1, 29, 10));
  });

  it("refuses date-times without seconds or without an offset", () => {
    for (const bad of [
      "2022-08-18T22:30Z",
      "2022-08-18T22:30+00:00",
      "2022-08-18T22:30:00",
      "2022-08-18T22:30:00+0000",
      "2022-08-18 22:30:00Z",
    ]) {
      expect(
        codeOf(() => parseDateTime(bad, "t")),
        bad,
      ).toBe("BAD_USER_INPUT");
    }
  });

  it("writes times the way the guide does", () => {
    expect(formatDateTime(Date.UTC(2022, 7, 18, 22, 30))).toBe("2022-08-18T22:30:00+00:00");
  });

  it("accepts IANA Area/Location zones and UTC, including half-hour zones", () => {
    for (const zone of [
      "America/Los_Angeles",
      "America/Argentina/Buenos_Aires",
      "UTC",
      "Etc/UTC",
      "Asia/Kolkata",
      "Asia/Kathmandu",
      "Europe/Kyiv",
      "Pacific/Kiritimati",
    ]) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });

  it("refuses legacy zone aliases, which Indeed's examples never use", () => {
    for (const zone of [
      "EST",
      "PST8PDT",
      "US/Pacific",
      "Canada/Eastern",
      "Etc/GMT+5",
      "GMT",
      "Japan",
      "Mars/Olympus",
      "+05:00",
      "",
      " UTC",
      "PST8PDT/../../etc",
      "a".repeat(100),
    ]) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });

  it("lower-cases valid emails and refuses malformed ones", () => {
    expect(requireEmail(" Ana@Example.COM ", "e")).toBe("ana@example.com");
    for (const bad of [
      "ana",
      "ana@",
      "@example.com",
      "ana@example",
      "a b@example.com",
      `${"a".repeat(250)}@example.com`,
    ]) {
      expect(codeOf(() => requireEmail(bad, "e"))).toBe("BAD_USER_INPUT");
    }
  });

  it("accepts ISO 639-1 languages and ISO 3166-1 countries in the guide's case only", () => {
    expect(optionalLanguageCode("fr")).toBe("fr");
    expect(optionalCountryCode("CA")).toBe("CA");
    expect(optionalLanguageCode(null)).toBeNull();
    expect(optionalCountryCode(undefined)).toBeNull();
    for (const bad of ["FR", "Fr", " fr", "fra", "qq", "x", "french", "iw", "mo", "sh"])
      expect(
        codeOf(() => optionalLanguageCode(bad)),
        bad,
      ).toBe("BAD_USER_INPUT");
    for (const bad of ["ca", "Ca", "CAN", "ZZ", "XK", "EU", "SU", "YU", "AN", "UK", "1A", "CA "])
      expect(
        codeOf(() => optionalCountryCode(bad)),
        bad,
      ).toBe("BAD_USER_INPUT");
  });

  it("keeps the current ISO lists: 183 languages and 249 countries", () => {
    expect(ISO_639_1_CODES.size).toBe(183);
    expect(ISO_3166_1_ALPHA_2_CODES.size).toBe(249);
    for (const code of ISO_639_1_CODES) expect(code).toMatch(/^[a-z]{2}$/);
    for (const code of ISO_3166_1_ALPHA_2_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(ISO_3166_1_ALPHA_2_CODES.has("SS")).toBe(true);
    expect(ISO_3166_1_ALPHA_2_CODES.has("GB")).toBe(true);
  });

  it("caps and trims text", () => {
    expect(requireText("  Hello ", "title", 10)).toBe("Hello");
    expect(codeOf(() => requireText("   ", "title", 10))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => requireText("x".repeat(11), "title", 10))).toBe("BAD_USER_INPUT");
  });
});
