import "server-only";
import type Mail from "nodemailer/lib/mailer";
import type { CandidateMessage } from "./candidate-message";
import { buildCalendarFile, calendarMethodOf } from "./ics";
import { messageIdOf } from "./message-identity";
import { renderCandidateEmail } from "./templates/render-candidate-email";

/**
 * A candidate message as the object nodemailer sends: From carries the organizer's name on the
 * app's own sending address (mail from the employer's domain would fail its SPF and DKIM), and
 * replies go to the employer. The calendar file goes in as `icalEvent`, which nodemailer sends
 * as a `text/calendar; method=…` alternative: the same method as the file's METHOD, which
 * clients such as Outlook and Gmail require to show it as an invitation.
 */

export interface ComposeOptions {
  /** The address Lobby sends from, e.g. `interviews@lobby.example.com`. */
  fromAddress: string;
}

export async function composeCandidateMail(
  message: CandidateMessage,
  { fromAddress }: ComposeOptions,
): Promise<Mail.Options> {
  const { subject, html, text } = await renderCandidateEmail(message);
  const method = calendarMethodOf(message);
  return {
    from: { name: message.organizer.name, address: fromAddress },
    replyTo: message.replyTo,
    to: { name: message.interviewee.name, address: message.interviewee.email },
    subject,
    text,
    html,
    messageId: messageIdOf(message),
    icalEvent: {
      method,
      filename: method === "CANCEL" ? "cancel.ics" : "invite.ics",
      content: buildCalendarFile(message, text),
    },
  };
}
