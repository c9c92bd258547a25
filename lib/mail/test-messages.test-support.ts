import {
  type CandidateMessage,
  createCandidateMessage,
  type CreateCandidateMessageInput,
  type EventChange,
} from "./candidate-message";

/** Messages about one interview, as the mail tests need them. Tests only. */

export const INTERVIEWEE_LOBBY_URL = "https://lobby.indeed.example/interviewee/7f3a9c";
export const INTERVIEWER_LOBBY_URL = "https://lobby.indeed.example/interviewer/b21e04";

const base = {
  appUrl: "https://lobby.example.com",
  employer: { name: "Acme Corp", contact: "careers@acme.example" },
  organizer: { name: "Acme Recruiting", email: "recruiting@acme.example" },
  replyTo: "hiring@acme.example",
  event: {
    id: "aXJpOi8vYXBpcy5pbmRlZWQuY29tL1ZpcnR1YWxJbnRlcnZpZXdFdmVudC8xMjM0NTY3OA==",
    title: "Frontend engineer interview",
    // Tuesday 15 January 2030, 14:30–15:15 in New York (UTC−05:00).
    start: "2030-01-15T19:30:00Z",
    end: "2030-01-15T20:15:00Z",
    timeZone: "America/New_York",
    language: "en",
  },
  interviewee: { name: "Jo Doe", email: "jo.doe@example.net", lobbyUrl: INTERVIEWEE_LOBBY_URL },
  sequence: 0,
  recordedAt: "2030-01-02T09:00:00Z",
} satisfies Omit<CreateCandidateMessageInput, "kind">;

type Overrides = {
  event?: Partial<CreateCandidateMessageInput["event"]>;
} & Partial<Omit<CreateCandidateMessageInput, "event" | "kind">>;

export function invitation(overrides: Overrides = {}): CandidateMessage {
  return createCandidateMessage({
    ...base,
    ...overrides,
    kind: "invitation",
    event: { ...base.event, ...overrides.event },
  });
}

export function update(changes: EventChange[], overrides: Overrides = {}): CandidateMessage {
  return createCandidateMessage({
    ...base,
    ...overrides,
    kind: "update",
    changes,
    event: { ...base.event, ...overrides.event },
  });
}

export function cancellation(
  cancelReason: string | undefined,
  overrides: Overrides = {},
): CandidateMessage {
  return createCandidateMessage({
    ...base,
    ...overrides,
    kind: "cancellation",
    ...(cancelReason === undefined ? {} : { cancelReason }),
    event: { ...base.event, ...overrides.event },
  });
}
