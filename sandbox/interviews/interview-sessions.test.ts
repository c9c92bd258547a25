import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import { EventStore } from "./event-store";
import { InterviewSessions } from "./interview-sessions";
import { DEFAULT_LIFECYCLE_SETTINGS } from "./lifecycle-settings";
import { failure, HOUR, MINUTE, scheduledEvent } from "./unit-fixtures";

let clock: VirtualClock;
let store: EventStore;
let sessions: InterviewSessions;
const held = () => {
  const event = scheduledEvent("e1", clock.now() - HOUR, clock.now() - 2 * HOUR);
  store.add(event);
  return event;
};

beforeEach(() => {
  clock = new VirtualClock();
  store = new EventStore();
  sessions = new InterviewSessions(
    clock,
    store,
    { ...DEFAULT_LIFECYCLE_SETTINGS },
    () => "http://sandbox.test",
  );
});

describe("sessions and recordings", () => {
  it("makes a recording available after processing and expires its page at day 90", () => {
    const session = sessions.conduct(held(), { recording: "available", processingMs: 10 * MINUTE });
    expect(store.bySessionId(session.uuid)?.uuid).toBe("e1");
    expect(sessions.recordingState(session)).toBe("processing");
    expect(sessions.recordingUrl(session)).toBeNull();
    clock.advance(10 * MINUTE);
    expect(sessions.recordingState(session)).toBe("available");
    expect(sessions.recordingUrl(session)).toBe(
      `http://sandbox.test/_sandbox/recordings/${session.uuid}`,
    );
    // The virtual clock follows real time too: leave a second of slack either side of day 90.
    clock.advance(90 * 24 * HOUR - 10 * MINUTE - 1000);
    expect(sessions.recordingState(session)).toBe("available");
    clock.advance(2000);
    expect(sessions.recordingState(session)).toBe("expired");
    expect(sessions.recordingUrl(session)).not.toBeNull();
  });

  it("keeps recordingUrl null for failed and unrecorded sessions", () => {
    const event = held();
    const failed = sessions.conduct(event, { recording: "failed" });
    const none = sessions.conduct(event, { recording: "none" });
    clock.advance(48 * HOUR);
    expect([sessions.recordingUrl(failed), sessions.recordingUrl(none)]).toEqual([null, null]);
    expect(event.sessions).toHaveLength(2);
  });

  it("refuses a session on a canceled event or one without an interviewee", () => {
    const canceled = { ...held(), status: "CANCELED" as const };
    const alone = { ...held(), interviewee: null };
    expect(failure(() => sessions.conduct(canceled, { recording: "none" })).message).toMatch(
      /canceled/,
    );
    expect(failure(() => sessions.conduct(alone, { recording: "none" })).message).toMatch(
      /no interviewee/,
    );
  });
});

describe("decisions", () => {
  it("records one decision per interviewer per session", () => {
    const event = held();
    sessions.conduct(event, { recording: "none" });
    sessions.decide(event, {
      interviewerEmail: "dana@acme.example",
      value: "MAYBE",
      noteText: "Unsure",
    });
    const session = sessions.decide(event, {
      interviewerEmail: "DANA@acme.example",
      value: "YES",
      noteText: "Strong",
    });
    expect(session.decisions).toEqual([
      expect.objectContaining({
        interviewerEmail: "dana@acme.example",
        value: "YES",
        noteText: "Strong",
      }),
    ]);
    expect(
      failure(() => sessions.decide(event, { interviewerEmail: "x@example.com", value: "NO" }))
        .code,
    ).toBe("BAD_USER_INPUT");
  });

  it("needs a session, and a record id of this event when one is given", () => {
    const event = held();
    const decide = (recordUuid?: string) =>
      sessions.decide(event, { recordUuid, interviewerEmail: "dana@acme.example", value: "NO" });
    expect(failure(() => decide()).message).toMatch(/no session yet/);
    sessions.conduct(event, { recording: "none" });
    expect(failure(() => decide("00000000-0000-4000-8000-000000000000")).message).toMatch(
      /No such record/,
    );
  });
});
