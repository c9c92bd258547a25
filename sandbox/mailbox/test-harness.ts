import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { RunningSandbox } from "../server";
import { control } from "../testing/harness";

// What the mailbox's integration tests share: a nodemailer client as the app will use one (an
// `smtp://` URL, no pool), a calendar invitation like the app's, and the JSON list.

export interface ListedMessage {
  id: string;
  receivedAt: string;
  envelope: { mailFrom: string | null; rcptTo: string[] };
  messageId: string | null;
  subject: string | null;
  date: string | null;
  from: { name: string; address: string }[];
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  replyTo: { name: string; address: string }[];
  text: string | null;
  html: string | null;
  attachments: {
    filename: string | null;
    contentType: string;
    method: string | null;
    disposition: string | null;
    size: number;
    contentBase64: string;
    url: string;
  }[];
  size: number;
  raw: string;
}

export function transport(sandbox: RunningSandbox) {
  return nodemailer.createTransport(`smtp://127.0.0.1:${sandbox.smtpPort}`);
}

export const ICS_REQUEST = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Lobby//test//EN",
  "METHOD:REQUEST",
  "BEGIN:VEVENT",
  "UID:event-123@lobby.test",
  "SEQUENCE:0",
  "DTSTAMP:20260301T090000Z",
  "DTSTART:20260310T140000Z",
  "DTEND:20260310T143000Z",
  "SUMMARY:Interview with Acme Robotics",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** An invitation shaped like the app's: text, HTML, and a `text/calendar; method=REQUEST` part. */
export function invitation(overrides: Partial<Mail.Options> = {}): Mail.Options {
  return {
    from: "Acme Robotics <interviews@acme-robotics.example>",
    to: "Jo Candidate <jo.candidate@example.net>",
    replyTo: "dana@acme-robotics.example",
    subject: "Your interview with Acme Robotics",
    text: "Join your interview at http://127.0.0.1/lobby/interviewee/abc",
    html: "<p>Join your <strong>interview</strong>.</p>",
    icalEvent: { method: "REQUEST", filename: "invite.ics", content: ICS_REQUEST },
    ...overrides,
  };
}

export async function listMessages(
  sandbox: RunningSandbox,
  query = "",
): Promise<{ status: number; messages: ListedMessage[]; total: number }> {
  const result = await control<{ messages: ListedMessage[]; total: number }>(
    sandbox,
    "GET",
    `/_sandbox/mailbox/messages${query}`,
  );
  return { status: result.status, messages: result.body.messages, total: result.body.total };
}
