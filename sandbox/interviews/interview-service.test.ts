import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import type { SandboxUser } from "../oauth/api";
import type { ApiErrorCode } from "./api-error";
import { InterviewService, type Actor, type CreateEventInput } from "./interview-service";
import { encodeEventId } from "./resource-id";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const people: SandboxUser[] = [
  { id: "u-dana", email: "dana@acme.example", name: "Dana Recruiter", employerIds: ["emp-acme"] },
  { id: "u-ivy", email: "ivy@acme.example", name: "Ivy Interviewer", employerIds: ["emp-acme"] },
];
const dana: Actor = {
  userId: "u-dana",
  email: "dana@acme.example",
  employerId: "emp-acme",
  clientId: "lobby",
};
const rival: Actor = {
  userId: "u-sam",
  email: "sam@initech.example",
  employerId: "emp-initech",
  clientId: "lobby",
};

let clock: VirtualClock;
let service: InterviewService;

function input(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  const start = clock.now() + 2 * HOUR;
  return {
    startTime: start,
    endTime: start + HOUR,
    title: "Interview with Robin",
    timezone: "America/Los_Angeles",
    interviewers: [{ email: "ivy@acme.example" }],
    interviewee: { name: "Robin Park", email: "robin@example.net" },
    requestMetadata: { atsName: "Lobby", employerName: "Acme" },
    ...overrides,
  };
}

function failure(run: () => unknown): { code: ApiErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { extensions: { code: ApiErrorCode }; message: string };
    return { code: e.extensions.code, message: e.message };
  }
  throw new Error("expected a failure");
}

beforeEach(() => {
  clock = new VirtualClock();
  service = new InterviewService(
    clock,
    {
      user: (id) => people.find((p) => p.id === id),
      userByEmail: (email) => people.find((p) => p.email === email),
    },
    () => "http://sandbox.test",
  );
});

describe("scheduling", () => {
  it("adds the caller as the first interviewer and names known people", () => {
    const event = service.createEvent(
      dana,
      input({ interviewers: [{ email: "IVY@acme.example" }, { email: "dana@acme.example" }] }),
    );
    expect(event.interviewers.map((i) => i.email)).toEqual([
      "dana@acme.example",
      "ivy@acme.example",
    ]);
    expect(service.person("ivy@acme.example").name).toBe("Ivy Interviewer");
    expect(service.person("stranger@example.com").name).toBeNull();
    expect(event.status).toBe("SCHEDULED");
  });

  it("accepts 48 more interviewers and rejects a 49th beyond the caller", () => {
    const emails = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ email: `person${i}@example.com` }));
    expect(
      service.createEvent(dana, input({ interviewers: emails(48) })).interviewers,
    ).toHaveLength(49);
    expect(failure(() => service.createEvent(dana, input({ interviewers: emails(49) }))).code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("rejects events over 24 hours, ending before they start, or starting in the past", () => {
    const start = clock.now() + HOUR;
    expect(
      service.createEvent(dana, input({ startTime: start, endTime: start + 24 * HOUR })).endMs,
    ).toBe(start + 24 * HOUR);
    expect(
      failure(() =>
        service.createEvent(dana, input({ startTime: start, endTime: start + 24 * HOUR + 1 })),
      ).message,
    ).toMatch(/24 hours/);
    expect(
      failure(() => service.createEvent(dana, input({ startTime: start, endTime: start }))).message,
    ).toMatch(/after startTime/);
    expect(
      failure(() =>
        service.createEvent(dana, input({ startTime: clock.now() - HOUR, endTime: clock.now() })),
      ).message,
    ).toMatch(/past/);
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
      expect(failure(() => service.createEvent(dana, input(overrides))).code).toBe(
        "BAD_USER_INPUT",
      );
    expect(service.store.size).toBe(0);
  });

  it("records a terms notice when there is no interviewee yet", () => {
    const event = service.createEvent(dana, input({ interviewee: null }));
    expect(service.termsNotices(event)).toHaveLength(1);
    service.updateEvent(dana, {
      addInterviewee: {
        id: event.uuid,
        interviewee: { name: "Robin", email: "robin@example.net" },
      },
    });
    expect(service.termsNotices(event)).toEqual([]);
  });
});

describe("updating and canceling", () => {
  it("requires exactly one kind of change", () => {
    const event = service.createEvent(dana, input());
    const id = encodeEventId(event.uuid);
    expect(failure(() => service.updateEvent(dana, {})).message).toMatch(/exactly one/);
    expect(
      failure(() =>
        service.updateEvent(dana, {
          setTitle: { id, title: "A" },
          setTimezone: { id, timezone: "UTC" },
        }),
      ).code,
    ).toBe("BAD_USER_INPUT");
  });

  it("reschedules, retitles and changes the zone, bumping the calendar sequence", () => {
    const event = service.createEvent(dana, input());
    const start = clock.now() + 5 * HOUR;
    service.updateEvent(dana, {
      reschedule: { id: event.uuid, startTime: start, endTime: start + HOUR },
    });
    service.updateEvent(dana, { setTitle: { id: event.uuid, title: "Second round" } });
    service.updateEvent(dana, { setTimezone: { id: event.uuid, timezone: "Asia/Kathmandu" } });
    expect(event).toMatchObject({
      startMs: start,
      title: "Second round",
      timezone: "Asia/Kathmandu",
      sequence: 3,
    });
    expect(
      failure(() =>
        service.updateEvent(dana, {
          reschedule: { id: event.uuid, startTime: start, endTime: start + 25 * HOUR },
        }),
      ).code,
    ).toBe("BAD_USER_INPUT");
  });

  it("adds only new interviewers and invites only them", () => {
    const event = service.createEvent(dana, input());
    const before = service.outbox.forEvent(event.uuid).length;
    service.updateEvent(dana, {
      addInterviewers: {
        id: event.uuid,
        interviewers: [{ email: "ivy@acme.example" }, { email: "new@example.com" }],
      },
    });
    expect(event.interviewers.map((i) => i.email)).toEqual([
      "dana@acme.example",
      "ivy@acme.example",
      "new@example.com",
    ]);
    const invites = service.outbox.forEvent(event.uuid).slice(before);
    expect(invites.map((n) => [n.to, n.kind])).toEqual([
      ["new@example.com", "interviewer.invitation"],
    ]);
  });

  it("adds an interviewee only when there is none", () => {
    const event = service.createEvent(dana, input());
    const again = () =>
      service.updateEvent(dana, {
        addInterviewee: { id: event.uuid, interviewee: { name: "X", email: "x@example.com" } },
      });
    expect(failure(again).message).toMatch(/already has an interviewee/);
  });

  it("keeps a canceled event, refuses changes to it and a second cancel", () => {
    const event = service.createEvent(dana, input());
    service.cancelEvent(dana, event.uuid);
    expect(service.store.get(event.uuid)?.status).toBe("CANCELED");
    expect(
      failure(() => service.updateEvent(dana, { setTitle: { id: event.uuid, title: "Y" } }))
        .message,
    ).toMatch(/canceled/);
    expect(failure(() => service.cancelEvent(dana, event.uuid)).message).toMatch(
      /already canceled/,
    );
    const cancels = service.outbox
      .forEvent(event.uuid)
      .filter((n) => n.kind === "interviewer.canceled");
    expect(cancels).toHaveLength(2);
    expect(cancels[0]!.ics).toContain("METHOD:CANCEL");
  });

  it("treats another employer's event exactly like an unknown one", () => {
    const event = service.createEvent(dana, input());
    const other = failure(() => service.cancelEvent(rival, event.uuid));
    const unknown = failure(() =>
      service.cancelEvent(rival, "00000000-0000-4000-8000-000000000000"),
    );
    expect(other.code).toBe("FORBIDDEN");
    expect(unknown.code).toBe("FORBIDDEN");
    expect(other.message.replace(event.uuid, "ID")).toBe(
      unknown.message.replace("00000000-0000-4000-8000-000000000000", "ID"),
    );
  });
});

describe("what Indeed does around an event", () => {
  it("invites every interviewer with the lobby link and a calendar item", () => {
    const event = service.createEvent(dana, input());
    const sent = service.outbox.forEvent(event.uuid);
    expect(sent.map((n) => n.to)).toEqual(["dana@acme.example", "ivy@acme.example"]);
    for (const n of sent) {
      expect(n.lobbyUrl).toBe(service.lobbyUrl(event, "interviewer"));
      expect(n.ics).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*END:VCALENDAR/);
    }
  });

  it("reminds the interviewee five minutes before the start, once per start time", () => {
    const event = service.createEvent(dana, input());
    const reminders = () =>
      service.outbox.forEvent(event.uuid).filter((n) => n.kind === "interviewee.reminder");
    clock.advance(2 * HOUR - 6 * MINUTE);
    service.catchUpReminders();
    expect(reminders()).toHaveLength(0);
    clock.advance(2 * MINUTE);
    service.catchUpReminders();
    service.catchUpReminders();
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
    service.catchUpReminders();
    expect(reminders()).toHaveLength(2);
  });

  it("sends no reminder for a canceled event", () => {
    const event = service.createEvent(dana, input());
    service.cancelEvent(dana, event.uuid);
    clock.advance(3 * HOUR);
    service.catchUpReminders();
    expect(service.outbox.forEvent(event.uuid).some((n) => n.kind === "interviewee.reminder")).toBe(
      false,
    );
  });

  it("makes a recording available after processing and expires its page at day 90", () => {
    const event = service.createEvent(dana, input());
    const session = service.conductSession(event, {
      recording: "available",
      processingMs: 10 * MINUTE,
    });
    expect(service.recordingState(session)).toBe("processing");
    expect(service.recordingUrl(session)).toBeNull();
    clock.advance(10 * MINUTE);
    expect(service.recordingState(session)).toBe("available");
    expect(service.recordingUrl(session)).toBe(
      `http://sandbox.test/_sandbox/recordings/${session.uuid}`,
    );
    // The virtual clock follows real time too: leave a second of slack either side of day 90.
    clock.advance(90 * 24 * HOUR - 10 * MINUTE - 1000);
    expect(service.recordingState(session)).toBe("available");
    clock.advance(2000);
    expect(service.recordingState(session)).toBe("expired");
  });

  it("keeps recordingUrl null for failed and unrecorded sessions", () => {
    const event = service.createEvent(dana, input());
    const failed = service.conductSession(event, { recording: "failed" });
    const none = service.conductSession(event, { recording: "none" });
    clock.advance(48 * HOUR);
    expect([service.recordingUrl(failed), service.recordingUrl(none)]).toEqual([null, null]);
    expect(event.sessions).toHaveLength(2);
  });

  it("records one decision per interviewer per session", () => {
    const event = service.createEvent(dana, input());
    service.conductSession(event, { recording: "none" });
    service.decide(event, {
      interviewerEmail: "ivy@acme.example",
      value: "MAYBE",
      noteText: "Unsure",
    });
    const session = service.decide(event, {
      interviewerEmail: "IVY@acme.example",
      value: "YES",
      noteText: "Strong",
    });
    expect(session.decisions).toEqual([
      expect.objectContaining({
        interviewerEmail: "ivy@acme.example",
        value: "YES",
        noteText: "Strong",
      }),
    ]);
    expect(
      failure(() => service.decide(event, { interviewerEmail: "x@example.com", value: "NO" })).code,
    ).toBe("BAD_USER_INPUT");
  });

  it("survives a snapshot and reload", () => {
    const event = service.createEvent(dana, input());
    const copy = new InterviewService(
      clock,
      { user: () => undefined, userByEmail: () => undefined },
      () => "http://sandbox.test",
    );
    copy.load(JSON.parse(JSON.stringify(service.snapshot())));
    expect(copy.store.get(event.uuid)?.title).toBe(event.title);
    expect(copy.store.byLobbyToken(event.interviewee!.lobbyToken)?.role).toBe("interviewee");
    clock.advance(2 * HOUR);
    copy.catchUpReminders();
    expect(
      copy.outbox.forEvent(event.uuid).filter((n) => n.kind === "interviewee.reminder"),
    ).toHaveLength(1);
  });
});
