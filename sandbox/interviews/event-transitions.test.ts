import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import type { CreateEventInput } from "./event-rules";
import { EventStore } from "./event-store";
import { EventTransitions } from "./event-transitions";
import { encodeEventId } from "./resource-id";
import type { InterviewApiModes } from "./api-modes";
import { colleague, dana, eventInput, failure, HOUR, ivy, rival } from "./unit-fixtures";

let clock: VirtualClock;
let store: EventStore;
let transitions: EventTransitions;
let modes: Pick<InterviewApiModes, "access">;
const schedule = (overrides: Partial<CreateEventInput> = {}) =>
  transitions.create(dana, eventInput(clock, overrides)).event;

beforeEach(() => {
  clock = new VirtualClock();
  store = new EventStore();
  modes = { access: "interviewer" };
  transitions = new EventTransitions(clock, store, modes);
});

describe("scheduling", () => {
  it("stores a SCHEDULED event with the caller first and both lobbies indexed", () => {
    const transition = transitions.create(dana, eventInput(clock));
    const { event } = transition;
    expect(transition.kind).toBe("scheduled");
    expect(event).toMatchObject({ status: "SCHEDULED", employerId: "emp-acme", sequence: 0 });
    expect(event.interviewers.map((i) => i.email)).toEqual([
      "dana@acme.example",
      "ivy@acme.example",
    ]);
    expect(store.get(event.uuid)).toBe(event);
    expect(store.byLobbyToken(event.interviewee!.lobbyToken)?.role).toBe("interviewee");
    expect(store.byLobbyToken(event.interviewerLobbyToken)?.role).toBe("interviewer");
  });

  it("stores nothing when the input breaks a rule, and refuses a taken uuid", () => {
    expect(failure(() => schedule({ title: "" })).code).toBe("BAD_USER_INPUT");
    expect(store.size).toBe(0);
    const uuid = "00000000-0000-4000-8000-000000000001";
    transitions.create(dana, eventInput(clock), { uuid });
    expect(failure(() => transitions.create(dana, eventInput(clock), { uuid })).message).toMatch(
      /already exists/,
    );
  });
});

describe("updating and canceling", () => {
  it("reschedules, retitles and changes the zone, bumping the calendar sequence", () => {
    const event = schedule();
    const start = clock.now() + 5 * HOUR;
    const kinds = [
      transitions.update(dana, {
        reschedule: { id: event.uuid, startTime: start, endTime: start + HOUR },
      }),
      transitions.update(dana, { setTitle: { id: event.uuid, title: "Second round" } }),
      transitions.update(dana, { setTimezone: { id: event.uuid, timezone: "Asia/Kathmandu" } }),
    ].map((t) => t.kind);
    expect(kinds).toEqual(["rescheduled", "retitled", "rezoned"]);
    expect(event).toMatchObject({
      startMs: start,
      title: "Second round",
      timezone: "Asia/Kathmandu",
      sequence: 3,
    });
    expect(store.employerEvents("emp-acme").byStart).toEqual([event]);
    expect(
      failure(() =>
        transitions.update(dana, {
          reschedule: { id: event.uuid, startTime: start, endTime: start + 25 * HOUR },
        }),
      ).code,
    ).toBe("BAD_USER_INPUT");
  });

  it("adds only new interviewers and reports only them", () => {
    const event = schedule();
    const transition = transitions.update(dana, {
      addInterviewers: {
        id: encodeEventId(event.uuid),
        interviewers: [{ email: "ivy@acme.example" }, { email: "new@example.com" }],
      },
    });
    expect(transition).toMatchObject({ kind: "interviewers-added", added: ["new@example.com"] });
    expect(event.interviewers.map((i) => i.email)).toEqual([
      "dana@acme.example",
      "ivy@acme.example",
      "new@example.com",
    ]);
    expect(event.sequence).toBe(0);
    expect(
      failure(() =>
        transitions.update(dana, {
          addInterviewers: { id: event.uuid, interviewers: [{ email: "robin@example.net" }] },
        }),
      ).message,
    ).toMatch(/interviewee cannot also be an interviewer/);
  });

  it("says so when addInterviewers brings nobody new, and changes nothing", () => {
    const event = schedule();
    const before = event.updatedAt;
    clock.advance(HOUR);
    const refused = failure(() =>
      transitions.update(dana, {
        addInterviewers: {
          id: event.uuid,
          interviewers: [{ email: "IVY@acme.example" }, { email: "dana@acme.example" }],
        },
      }),
    );
    expect(refused).toEqual({
      code: "BAD_USER_INPUT",
      message: "Every interviewer in addInterviewers is already on the event: nothing was added.",
    });
    expect(event.interviewers).toHaveLength(2);
    expect(event.updatedAt).toBe(before);
  });

  it("adds an interviewee only when there is none", () => {
    const event = schedule({ interviewee: null });
    const add = () =>
      transitions.update(dana, {
        addInterviewee: { id: event.uuid, interviewee: { name: "X", email: "x@example.com" } },
      });
    expect(add().kind).toBe("interviewee-added");
    expect(store.byLobbyToken(event.interviewee!.lobbyToken)?.event).toBe(event);
    expect(failure(add).message).toMatch(/already has an interviewee/);
  });

  it("keeps a canceled event, refuses changes to it and a second cancel", () => {
    const event = schedule();
    expect(transitions.cancel(dana, event.uuid).kind).toBe("canceled");
    expect(store.get(event.uuid)).toMatchObject({ status: "CANCELED", sequence: 1 });
    expect(
      failure(() => transitions.update(dana, { setTitle: { id: event.uuid, title: "Y" } })).message,
    ).toMatch(/canceled/);
    expect(failure(() => transitions.cancel(dana, event.uuid)).message).toMatch(/already canceled/);
  });

  it("lets the event's interviewers act, the creator included, and refuses a colleague", () => {
    const event = schedule();
    expect(transitions.eventFor(dana, event.uuid)).toBe(event);
    expect(transitions.eventFor(ivy, event.uuid)).toBe(event);
    expect(transitions.update(ivy, { setTitle: { id: event.uuid, title: "By Ivy" } }).kind).toBe(
      "retitled",
    );
    const refused = failure(() => transitions.cancel(colleague, event.uuid));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/Only the interviewers of the virtual interview event/);
    expect(event.status).toBe("SCHEDULED");
  });

  it("lets an interviewer from another employer act on the event they were invited to", () => {
    const event = schedule({ interviewers: [{ email: "sam@initech.example" }] });
    expect(transitions.eventFor(rival, event.uuid)).toBe(event);
    modes.access = "employer";
    expect(failure(() => transitions.eventFor(rival, event.uuid)).code).toBe("FORBIDDEN");
  });

  it("in employer mode lets anyone of the employer act, as before", () => {
    const event = schedule();
    modes.access = "employer";
    expect(transitions.cancel(colleague, event.uuid).kind).toBe("canceled");
  });

  it("treats another employer's event exactly like an unknown one", () => {
    const event = schedule();
    const other = failure(() => transitions.cancel(rival, event.uuid));
    const unknown = failure(() =>
      transitions.cancel(rival, "00000000-0000-4000-8000-000000000000"),
    );
    expect(other.code).toBe("FORBIDDEN");
    expect(unknown.code).toBe("FORBIDDEN");
    expect(other.message.replace(event.uuid, "ID")).toBe(
      unknown.message.replace("00000000-0000-4000-8000-000000000000", "ID"),
    );
  });
});
