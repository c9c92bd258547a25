import type { CandidateMessage } from "../candidate-message";
import { CalendarNote, EmailFrame, InterviewDetails, Paragraph, type TemplateProps } from "./parts";

type CancellationMessage = Extract<CandidateMessage, { kind: "cancellation" }>;

/**
 * A canceled interview. The old lobby link appears as text, not as a button: it names the
 * interview the job seeker knows, and nobody should be invited to join it.
 */
export function CancellationEmail({ message, strings }: TemplateProps<CancellationMessage>) {
  return (
    <EmailFrame message={message} strings={strings}>
      {message.cancelReason ? (
        <Paragraph>
          <strong>{strings.cancelReasonLabel}</strong> {message.cancelReason}
        </Paragraph>
      ) : null}
      <InterviewDetails message={message} strings={strings} />
      <Paragraph>
        {strings.closedLobby} {message.interviewee.lobbyUrl}
      </Paragraph>
      <CalendarNote text={strings.calendar.cancel} />
    </EmailFrame>
  );
}
