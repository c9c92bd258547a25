import type { CandidateMessage } from "../candidate-message";
import {
  CalendarNote,
  EmailFrame,
  InterviewDetails,
  JoinLobby,
  type TemplateProps,
  WhatToExpect,
} from "./parts";

type InvitationMessage = Extract<CandidateMessage, { kind: "invitation" }>;

/** The first message about an interview: sent when it is created with an interviewee or gets one. */
export function InvitationEmail({ message, strings }: TemplateProps<InvitationMessage>) {
  return (
    <EmailFrame message={message} strings={strings}>
      <InterviewDetails message={message} strings={strings} />
      <JoinLobby message={message} strings={strings} />
      <WhatToExpect strings={strings} />
      <CalendarNote text={strings.calendar.request} />
    </EmailFrame>
  );
}
