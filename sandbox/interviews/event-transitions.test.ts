import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import type { CreateEventInput } from "./event-rules";
import { EventStore } from "./event-store";
import { EventTransitions } from "./event-transitions";
import { encodeEventId } from "./resource-id";
import { dana, eventInput, failure, HOUR, rival } from "./unit-fixtures";

let clock: VirtualClock;
let store: EventStore;
let transitions: EventTransitions;
const schedule = (overrides: Partial<CreateEventInput> = {}) =>
  transitions.create(dana, eventInput(clock, overrides)).event;

beforeEach(() => {
  clock = new VirtualClock();
  store = new EventStore();
  transitions = new EventTransitions(clock, store);
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
