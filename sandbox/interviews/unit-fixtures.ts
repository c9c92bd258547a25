import type { VirtualClock } from "../core/clock";
import type { SandboxUser } from "../oauth/api";
import type { ApiErrorCode } from "./api-error";
import type { StoredEvent } from "./event-model";
import type { CreateEventInput } from "./event-rules";
import type { Actor } from "./event-transitions";

// Shared by the unit tests of the Interview API's parts: two employers' callers, a directory
// and a valid event input to override.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const people: SandboxUser[] = [
  { id: "u-dana", email: "dana@acme.example", name: "Dana Recruiter", employerIds: ["emp-acme"] },
  { id: "u-ivy", email: "ivy@acme.example", name: "Ivy Interviewer", employerIds: ["emp-acme"] },
];

export const directory = {
  user: (id: string) => people.find((p) => p.id === id),
  userByEmail: (email: string) => people.find((p) => p.email === email),
};

export const dana: Actor = {
  userId: "u-dana",
  email: "dana@acme.example",
  employerId: "emp-acme",
  clientId: "lobby",
};

/** Acme's interviewer, on the events `eventInput` creates. */
export const ivy: Actor = {
  userId: "u-ivy",
  email: "ivy@acme.example",
  employerId: "emp-acme",
  clientId: "lobby",
};

/** Dana's colleague at Acme, on none of her events. */
export const colleague: Actor = {
  userId: "u-lee",
  email: "lee@acme.example",
  employerId: "emp-acme",
  clientId: "lobby",
};

export const rival: Actor = {
  userId: "u-sam",
  email: "sam@initech.example",
  employerId: "emp-initech",
  clientId: "lobby",
};

/** A valid create input starting two hours from now. */
export function eventInput(
  clock: VirtualClock,
  overrides: Partial<CreateEventInput> = {},
): CreateEventInput {
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

/** A scheduled event with an interviewee, built directly (no rules, no store). */
export function scheduledEvent(uuid: string, startMs: number, addedAt: number): StoredEvent {
  return {
    uuid,
    employerId: "emp-acme",
    createdByUserId: "u-dana",
    createdByClientId: "lobby",
    status: "SCHEDULED",
    mediaType: "VIDEO",
    title: `Interview ${uuid}`,
    startMs,
    endMs: startMs + HOUR,
    timezone: "UTC",
    languageCode: null,
    countryCode: null,
    interviewers: [{ email: "dana@acme.example", addedAt }],
    interviewee: { name: "Robin", email: "robin@example.net", addedAt, lobbyToken: `ee-${uuid}` },
    requestMetadata: { atsName: "Lobby", employerName: null, jobId: null, jobTitle: null },
    interviewerLobbyToken: `er-${uuid}`,
    sessions: [],
    createdAt: addedAt,
    updatedAt: addedAt,
    canceledAt: null,
    sequence: 0,
    reminderSentForStartMs: null,
  };
}

/** The code and message of what `run` throws; fails the test if it does not throw. */
export function failure(run: () => unknown): { code: ApiErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { extensions: { code: ApiErrorCode }; message: string };
    return { code: e.extensions.code, message: e.message };
  }
  throw new Error("expected a failure");
}
