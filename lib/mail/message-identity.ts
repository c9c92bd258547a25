import type { CandidateMessage } from "./candidate-message";

/**
 * The identifiers that let receivers recognise a message and its event across sends:
 * - the calendar UID names the interview: derived from Indeed's event id and Lobby's host only,
 *   so a reschedule or a cancellation updates the calendar entry the invitation created;
 * - the Message-ID names one message: the event, its SEQUENCE and its kind, so a retried job
 *   sends the very same Message-ID and the receiving side can drop the copy.
 * Indeed's id is opaque; base64url keeps whatever it holds within the characters both fields
 * allow. The host is the hostname without a port: a colon is not allowed in a Message-ID.
 */

function eventKeyOf(message: CandidateMessage): string {
  return Buffer.from(message.event.id, "utf8").toString("base64url");
}

function appHostOf(message: CandidateMessage): string {
  return new URL(message.appUrl).hostname;
}

export function calendarUidOf(message: CandidateMessage): string {
  return `${eventKeyOf(message)}@${appHostOf(message)}`;
}

/** With the angle brackets, as nodemailer's `messageId` takes it. */
export function messageIdOf(message: CandidateMessage): string {
  return `<${message.kind}.${message.sequence}.${eventKeyOf(message)}@${appHostOf(message)}>`;
}
