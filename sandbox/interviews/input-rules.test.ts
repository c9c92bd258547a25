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

  it("writes times the way the guide does", () => {
    expect(formatDateTime(Date.UTC(2022, 7, 18, 22, 30))).toBe("2022-08-18T22:30:00+00:00");
  });

  it("knows IANA zones, their aliases and half-hour zones, and nothing else", () => {
    for (const zone of [
      "America/Los_Angeles",
      "UTC",
      "Etc/UTC",
      "US/Pacific",
      "Asia/Kolkata",
      "Asia/Kathmandu",
    ]) {
      expect(isTimeZone(zone)).toBe(true);
    }
    for (const zone of ["Mars/Olympus", "+05:00", "", "PST8PDT/../../etc", "a".repeat(100)]) {
      expect(isTimeZone(zone)).toBe(false);
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

  it("accepts ISO 639-1 languages and ISO 3166-1 alpha-2 countries only", () => {
    expect(optionalLanguageCode("fr")).toBe("fr");
    expect(optionalLanguageCode("EN")).toBe("en");
    expect(optionalCountryCode("ca")).toBe("CA");
    expect(optionalLanguageCode(null)).toBeNull();
    for (const bad of ["fra", "qq", "x", "french"])
      expect(codeOf(() => optionalLanguageCode(bad))).toBe("BAD_USER_INPUT");
    for (const bad of ["CAN", "ZZ", "XK1", "EU", "1A"])
      expect(codeOf(() => optionalCountryCode(bad))).toBe("BAD_USER_INPUT");
  });

  it("caps and trims text", () => {
    expect(requireText("  Hello ", "title", 10)).toBe("Hello");
    expect(codeOf(() => requireText("   ", "title", 10))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => requireText("x".repeat(11), "title", 10))).toBe("BAD_USER_INPUT");
  });
});
