import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import type { StoredEvent } from "./event-model";
import {
  checkEventTimes,
  checkNewEvent,
  chosenUpdate,
  mergeInterviewers,
  termsNotices,
  type CreateEventInput,
} from "./event-rules";
import { eventInput, failure, HOUR, MINUTE } from "./unit-fixtures";

let clock: VirtualClock;
const check = (overrides: Partial<CreateEventInput> = {}) =>
  checkNewEvent(eventInput(clock, overrides), "dana@acme.example", clock.now(), false);

beforeEach(() => {
  clock = new VirtualClock();
});

describe("a new event", () => {
  it("lists the scheduler first and every interviewer once, lower-cased", () => {
    const fields = check({
      interviewers: [{ email: "IVY@acme.example" }, { email: "dana@acme.example" }],
    });
    expect(fields.interviewers).toEqual(["dana@acme.example", "ivy@acme.example"]);
  });

  it("accepts 48 more interviewers and rejects a 49th beyond the scheduler", () => {
    const emails = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ email: `person${i}@example.com` }));
    expect(mergeInterviewers(["dana@acme.example"], emails(48))).toHaveLength(49);
    expect(failure(() => mergeInterviewers(["dana@acme.example"], emails(49))).message).toMatch(
      /at most 49/,
    );
  });

  it("rejects events over 24 hours, ending before they start, or starting in the past", () => {
    const now = clock.now();
    expect(() => checkEventTimes(now + HOUR, now + 25 * HOUR, now, false)).not.toThrow();
    expect(failure(() => checkEventTimes(now, now + 24 * HOUR + 1, now, false)).message).toMatch(
      /24 hours/,
    );
    expect(failure(() => checkEventTimes(now, now, now, false)).message).toMatch(/after startTime/);
    expect(failure(() => checkEventTimes(now - HOUR, now, now, false)).message).toMatch(/past/);
  });

  it("allows a minute of clock skew, and any past start for the control API", () => {
    const now = clock.now();
    expect(() => checkEventTimes(now - MINUTE, now + HOUR, now, false)).not.toThrow();
    expect(() => checkEventTimes(now - 30 * HOUR, now - 29 * HOUR, now, true)).not.toThrow();
  });

  it("validates time zone, emails, codes, title and the ATS name", () => {
    const bad: Partial<CreateEventInput>[] = [
      { timezone: "Mars/Olympus" },
      { interviewers: [{ email: "not-an-email" }] },
      { interviewee: { name: "Robin", email: "robin" } },
      { interviewee: { name: " ", email: "robin@example.net" } },
      { interviewee: { name: "Ivy", email: "ivy@acme.example" } },
      { languageCode: "french" },
      { countryCode: "ZZ" },
      { title: "" },
      { title: "x".repeat(256) },
      { requestMetadata: { atsName: "  " } },
    ];
    for (const overrides of bad)
      expect(failure(() => check(overrides)).code).toBe("BAD_USER_INPUT");
  });

  it("reports a bad time before any other problem", () => {
    const now = clock.now();
    expect(failure(() => check({ startTime: now, endTime: now, title: "" })).message).toMatch(
      /after startTime/,
    );
  });
});

describe("an update", () => {
  it("names exactly one kind of change", () => {
    expect(chosenUpdate({ setTitle: { id: "x", title: "A" }, reschedule: null })).toBe("setTitle");
    expect(failure(() => chosenUpdate({})).message).toMatch(/exactly one.*got none/);
    expect(
      failure(() =>
        chosenUpdate({
          setTitle: { id: "x", title: "A" },
          setTimezone: { id: "x", timezone: "UTC" },
        }),
      ).message,
    ).toMatch(/got setTitle, setTimezone/);
  });
});

describe("Indeed's terms", () => {
  it("asks for the interviewee's email while the event has none", () => {
    const interviewee = { name: "R", email: "r@example.net", addedAt: 0, lobbyToken: "t" };
    expect(termsNotices({ interviewee: null } as StoredEvent)).toHaveLength(1);
    expect(termsNotices({ interviewee } as StoredEvent)).toEqual([]);
  });
});
