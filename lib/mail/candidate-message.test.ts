import { describe, expect, test } from "vitest";
import {
  candidateMessageSchema,
  createCandidateMessage,
  type CreateCandidateMessageInput,
  privacyUrlOf,
} from "./candidate-message";
import { INTERVIEWER_LOBBY_URL, invitation } from "./test-messages.test-support";

const input = (): CreateCandidateMessageInput => {
  const { kind: _kind, ...fields } = invitation();
  return { kind: "invitation", ...fields };
};

describe("candidate message", () => {
  test("stores instants in UTC, whatever offset they came with", () => {
    const message = createCandidateMessage({
      ...input(),
      event: {
        ...input().event,
        start: "2030-01-15T14:30:00-05:00",
        end: "2030-01-15T15:15:00-05:00",
      },
    });
    expect(message.event.start).toBe("2030-01-15T19:30:00.000Z");
    expect(message.event.end).toBe("2030-01-15T20:15:00.000Z");
  });

  test("the privacy link is /privacy under the app's URL, with or without a trailing slash", () => {
    expect(
      privacyUrlOf(createCandidateMessage({ ...input(), appUrl: "https://lobby.example.com/" })),
    ).toBe("https://lobby.example.com/privacy");
    expect(
      privacyUrlOf(createCandidateMessage({ ...input(), appUrl: "https://acme.example/lobby" })),
    ).toBe("https://acme.example/lobby/privacy");
  });

  test("an interviewer lobby link does not fit the input's type and the payload refuses it", () => {
    const event = { ...input().event, interviewerLobbyUrl: INTERVIEWER_LOBBY_URL };
    // @ts-expect-error an event that carries the interviewer link is not a message's event
    expect(() => createCandidateMessage({ ...input(), event })).toThrow(/interviewerLobbyUrl/);
    const interviewee = { ...input().interviewee, interviewerLobbyUrl: INTERVIEWER_LOBBY_URL };
    // @ts-expect-error nor is an interviewee that carries it
    expect(() => createCandidateMessage({ ...input(), interviewee })).toThrow(
      /interviewerLobbyUrl/,
    );
    const payload = { ...input(), interviewerLobbyUrl: INTERVIEWER_LOBBY_URL };
    expect(candidateMessageSchema.safeParse(payload).success).toBe(false);
  });

  test("refuses a lobby link that is not http(s)", () => {
    const interviewee = { ...input().interviewee, lobbyUrl: "javascript:alert(1)" };
    expect(candidateMessageSchema.safeParse({ ...input(), interviewee }).success).toBe(false);
  });

  test("refuses an unknown time zone and an end before the start", () => {
    const zone = { ...input().event, timeZone: "Mars/Olympus_Mons" };
    expect(candidateMessageSchema.safeParse({ ...input(), event: zone }).success).toBe(false);
    const backwards = { ...input().event, end: "2030-01-15T19:00:00Z" };
    expect(candidateMessageSchema.safeParse({ ...input(), event: backwards }).success).toBe(false);
  });

  test("an update says what changed; a cancel reason belongs to a cancellation only", () => {
    expect(
      candidateMessageSchema.safeParse({ ...input(), kind: "update", changes: [] }).success,
    ).toBe(false);
    expect(
      candidateMessageSchema.safeParse({ ...input(), kind: "update", changes: ["rescheduled"] })
        .success,
    ).toBe(true);
    expect(candidateMessageSchema.safeParse({ ...input(), cancelReason: "Filled" }).success).toBe(
      false,
    );
    expect(
      candidateMessageSchema.safeParse({ ...input(), kind: "cancellation", cancelReason: "Filled" })
        .success,
    ).toBe(true);
  });

  test("a message survives a JSON round trip unchanged, as a job payload must", () => {
    const message = invitation();
    expect(candidateMessageSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });
});
