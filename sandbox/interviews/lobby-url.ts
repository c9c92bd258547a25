import type { StoredEvent } from "./event-model";
import type { LobbyRole } from "./event-store";

/** The lobby link of one side of an event (an empty token, so no lobby, before an interviewee is added). */
export function lobbyUrl(baseUrl: string, event: StoredEvent, role: LobbyRole): string {
  const token =
    role === "interviewer" ? event.interviewerLobbyToken : event.interviewee?.lobbyToken;
  return `${baseUrl}/lobby/${role}/${token ?? ""}`;
}
