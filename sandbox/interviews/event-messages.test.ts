import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VirtualClock } from "../core/clock";
import { EventMessages } from "./event-messages";
import { Outbox } from "./outbox";
import { MINUTE, scheduledEvent } from "./unit-fixtures";

let clock: VirtualClock;
let outbox: Outbox;
let messages: EventMessages;
const start = Date.UTC(2030, 0, 15, 14, 30);

beforeEach(() => {
  // Messages are dated with the clock: hold it still.
  vi.useFakeTimers({ now: Date.UTC(2030, 0, 10) });
  clock = new VirtualClock();
  outbox = new Outbox();
  messages = new EventMessages(clock, outbox, () => "http://sandbox.test");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("messages to interviewers", () => {
  it("sends each one the interviewer lobby link and a calendar item addressed to them", () => {
    const event = scheduledEvent("e1", start, clock.now());
    messages.toInterviewers(
      event,
      ["dana@acme.example", "ivy@acme.example"],
      "interviewer.invitation",
    );
    const sent = outbox.forEvent("e1");
    expect(sent.map((n) => [n.to, n.kind, n.at])).toEqual([
      ["dana@acme.example", "interviewer.invitation", clock.now()],
      ["ivy@acme.example", "interviewer.invitation", clock.now()],
    ]);
    for (const n of sent) {
      expect(n.lobbyUrl).toBe("http://sandbox.test/lobby/interviewer/er-e1");
      expect(n.subject).toBe("Interview scheduled: Interview e1");
      expect(n.text).toContain("on Tue, Jan 15, 2030, 2:30 PM UTC.");
      expect(n.ics).toContain(`ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:${n.to}`);
      expect(n.ics).toMatch(/METHOD:REQUEST[\s\S]*DTSTART:20300115T143000Z/);
    }
  });

  it("words a reschedule and a cancel, and cancels the calendar item", () => {
    const event = scheduledEvent("e1", start, clock.now());
    messages.toInterviewers(event, ["ivy@acme.example"], "interviewer.rescheduled");
    messages.toInterviewers(event, ["ivy@acme.example"], "interviewer.canceled");
    const [moved, canceled] = outbox.forEvent("e1");
    expect(moved!.subject).toBe("Interview rescheduled: Interview e1");
    expect(canceled!.subject).toBe("Interview canceled: Interview e1");
    expect(canceled!.ics).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
  });
});

describe("the interviewee's reminder", () => {
  it("greets them by name with their own lobby link, dated when it was due", () => {
    const event = scheduledEvent("e1", start, clock.now());
    messages.reminder(event, event.interviewee!, start - 5 * MINUTE);
    expect(outbox.forEvent("e1")).toEqual([
      expect.objectContaining({
        kind: "interviewee.reminder",
        to: "robin@example.net",
        subject: "Reminder: Interview e1 starts soon",
        lobbyUrl: "http://sandbox.test/lobby/interviewee/ee-e1",
        ics: null,
        at: start - 5 * MINUTE,
      }),
    ]);
    expect(outbox.forEvent("e1")[0]!.text).toMatch(/^Hello Robin,/);
  });
});
