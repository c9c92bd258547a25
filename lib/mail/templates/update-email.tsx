import type { CandidateMessage } from "../candidate-message";
import {
  CalendarNote,
  EmailFrame,
  InterviewDetails,
  JoinLobby,
  Paragraph,
  type TemplateProps,
  WhatToExpect,
} from "./parts";

type UpdateMessage = Extract<CandidateMessage, { kind: "update" }>;

/** A rescheduled or retitled interview, or one shown in another zone: what changed, then all of it. */
export function UpdateEmail({ message, strings }: TemplateProps<UpdateMessage>) {
  const changes = message.changes.map((change) => strings.changes[change]).join(", ");
  return (
    <EmailFrame message={message} strings={strings}>
      <Paragraph>
        <strong>{strings.changesLabel}</strong> {changes}
      </Paragraph>
      <InterviewDetails message={message} strings={strings} />
      <JoinLobby message={message} strings={strings} />
      <WhatToExpect strings={strings} />
      <CalendarNote text={strings.calendar.request} />
    </EmailFrame>
  );
}
