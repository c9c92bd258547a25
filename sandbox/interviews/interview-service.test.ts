import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import type { CreateEventInput } from "./event-rules";
import { InterviewService } from "./interview-service";
import { dana, directory, eventInput, HOUR, MINUTE } from "./unit-fixtures";

// The parts have their own tests; these check what the service adds: what Indeed does after
// each change, and that the parts share one state.

let clock: VirtualClock;
let service: InterviewService;
const schedule = (overrides: Partial<CreateEventInput> = {}) =>
  service.createEvent(dana, eventInput(clock, overrides));
const sent = (uuid: string) => service.outbox.forEvent(uuid).map((n) => [n.to, n.kind]);

beforeEach(() => {
  clock = new VirtualClock();
  service = new InterviewService(clock, directory, () => "http://sandbox.test");
});

describe("what Indeed does around an event", () => {
  it("invites every interviewer with the lobby link and a calendar item", () => {
    const event = schedule();
    expect(sent(event.uuid)).toEqual([
      ["dana@acme.example", "interviewer.invitation"],
      ["ivy@acme.example", "interviewer.invitation"],
    ]);
    for (const n of service.outbox.forEvent(event.uuid)) {
      expect(n.lobbyUrl).toBe(service.lobbyUrl(event, "interviewer"));
      expect(n.ics).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*END:VCALENDAR/);
    }
  });

  it("invites only the interviewers an update adds", () => {
    const event = schedule();
    const before = service.outbox.forEvent(event.uuid).length;
    service.updateEvent(dana, {
      addInterviewers: {
        id: event.uuid,
        interviewers: [{ email: "ivy@acme.example" }, { email: "new@example.com" }],
      },
    });
    expect(sent(event.uuid).slice(before)).toEqual([["new@example.com", "interviewer.invitation"]]);
  });

  it("tells every interviewer of a reschedule and a cancel, not of a new title or zone", () => {
    const event = schedule();
    const start = clock.now() + 5 * HOUR;
    service.updateEvent(dana, { setTitle: { id: event.uuid, title: "Second round" } });
    service.updateEvent(dana, { setTimezone: { id: event.uuid, timezone: "Asia/Kolkata" } });
    service.updateEvent(dana, {
      reschedule: { id: event.uuid, startTime: start, endTime: start + HOUR },
    });
    service.cancelEvent(dana, event.uuid);
    expect(sent(event.uuid).slice(2)).toEqual([
      ["dana@acme.example", "interviewer.rescheduled"],
      ["ivy@acme.example", "interviewer.rescheduled"],
      ["dana@acme.example", "interviewer.canceled"],
      ["ivy@acme.example", "interviewer.canceled"],
    ]);
    expect(service.outbox.forEvent(event.uuid).at(-1)!.ics).toContain("SEQUENCE:4");
  });

  it("reminds the interviewee once per start time, and again after a reschedule", () => {
    const event = schedule();
    const reminders = () =>
      service.outbox.forEvent(event.uuid).filter((n) => n.kind === "interviewee.reminder");
    clock.advance(2 * HOUR - 6 * MINUTE);
    service.catchUp();
    expect(reminders()).toHaveLength(0);
    clock.advance(2 * MINUTE);
    service.catchUp();
    service.catchUp();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatchObject({
      to: "robin@example.net",
      at: event.startMs - 5 * MINUTE,
      lobbyUrl: service.lobbyUrl(event, "interviewee"),
    });

    service.updateEvent(dana, {
      reschedule: { id: event.uuid, startTime: event.startMs + HOUR, endTime: event.endMs + HOUR },
    });
    clock.advance(2 * HOUR);
    service.catchUp();
    expect(reminders()).toHaveLength(2);
  });

  it("reminds an interviewee added later, and never one of a canceled event", () => {
    const later = schedule({ interviewee: null });
    const canceled = schedule();
    service.updateEvent(dana, {
      addInterviewee: { id: later.uuid, interviewee: { name: "Robin", email: "r@example.net" } },
    });
    service.cancelEvent(dana, canceled.uuid);
    clock.advance(3 * HOUR);
    service.catchUp();
    const reminded = service.outbox
      .recent(100)
      .filter((n) => n.kind === "interviewee.reminder")
      .map((n) => n.eventUuid);
    expect(reminded).toEqual([later.uuid]);
  });

  it("uses the settings the control API changes for recordings", () => {
    const event = schedule();
    service.settings.recordingProcessingMs = 0;
    const session = service.conductSession(event, { recording: "available" });
    expect(service.recordingState(session)).toBe("available");
  });

  it("names interviewers who have a sandbox account", () => {
    expect(service.person("ivy@acme.example").name).toBe("Ivy Interviewer");
    expect(service.person("stranger@example.com")).toEqual({
      userId: null,
      name: null,
      email: "stranger@example.com",
    });
  });

  it("survives a snapshot and reload, reminders included", () => {
    const event = schedule();
    const copy = new InterviewService(
      clock,
      { user: () => undefined, userByEmail: () => undefined },
      () => "http://sandbox.test",
    );
    copy.load(JSON.parse(JSON.stringify(service.snapshot())));
    expect(copy.store.get(event.uuid)?.title).toBe(event.title);
    expect(copy.store.byLobbyToken(event.interviewee!.lobbyToken)?.role).toBe("interviewee");
    clock.advance(2 * HOUR);
    copy.catchUp();
    expect(
      copy.outbox.forEvent(event.uuid).filter((n) => n.kind === "interviewee.reminder"),
    ).toHaveLength(1);
  });
});

describe("the recording e-mail", () => {
  it("goes to the interviewers who joined, once, when the recording becomes available", () => {
    const event = schedule();
    service.conductSession(event, {
      recording: "available",
      processingMs: 10 * MINUTE,
      interviewerEmails: ["ivy@acme.example"],
    });
    const recordingMails = () =>
      service.outbox.forEvent(event.uuid).filter((n) => n.kind === "interviewer.recording");
    service.catchUp();
    expect(recordingMails()).toEqual([]);
    clock.advance(10 * MINUTE);
    service.catchUp();
    service.catchUp();
    expect(recordingMails().map((n) => [n.to, n.recordingUrl])).toEqual([
      [
        "ivy@acme.example",
        expect.stringMatching(/^http:\/\/sandbox\.test\/_sandbox\/recordings\//),
      ],
    ]);
    expect(service.mayWatch(event, event.sessions[0]!, "IVY@acme.example")).toBe(true);
    expect(service.mayWatch(event, event.sessions[0]!, "dana@acme.example")).toBe(false);
  });

  it("is owed again after a reload that happens before it went out", () => {
    const event = schedule();
    service.conductSession(event, { recording: "available", processingMs: HOUR });
    const copy = new InterviewService(clock, directory, () => "http://sandbox.test");
    copy.load(JSON.parse(JSON.stringify(service.snapshot())));
    clock.advance(HOUR);
    copy.catchUp();
    expect(
      copy.outbox.forEvent(event.uuid).filter((n) => n.kind === "interviewer.recording"),
    ).toHaveLength(2);
  });
});
