import ICAL from "ical.js";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { describe, expect, test } from "vitest";
import type { CandidateMessage } from "./candidate-message";
import { composeCandidateMail } from "./compose";
import {
  cancellation,
  INTERVIEWER_LOBBY_URL,
  invitation,
  update,
} from "./test-messages.test-support";

const sender = { fromAddress: "interviews@lobby.example.com" };

async function rawMime(mail: Mail.Options): Promise<string> {
  const raw = await new MailComposer(mail).compile().build();
  return raw.toString("utf8");
}

/** The MIME headers of the message (up to the first blank line). */
const headersOf = (raw: string) => raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n\s+/g, " ");

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The `text/calendar` alternative: its Content-Type and the calendar file it carries. */
function calendarPart(raw: string): { contentType: string; ics: string } {
  const match =
    /Content-Type: (text\/calendar[^\r\n]*)\r\nContent-Transfer-Encoding: (\S+)\r\n\r\n([\s\S]*?)\r\n--/.exec(
      raw,
    );
  expect(match).not.toBeNull();
  const [, contentType, encoding, body] = match!;
  const ics =
    encoding === "base64"
      ? Buffer.from(body!, "base64").toString("utf8")
      : decodeQuotedPrintable(body!);
  return { contentType: contentType!, ics };
}

describe("composeCandidateMail", () => {
  test("From carries the organizer's name on Lobby's address; replies go to the employer", async () => {
    const headers = headersOf(await rawMime(await composeCandidateMail(invitation(), sender)));
    expect(headers).toContain("From: Acme Recruiting <interviews@lobby.example.com>");
    expect(headers).toContain("Reply-To: hiring@acme.example");
    expect(headers).toContain("To: Jo Doe <jo.doe@example.net>");
    expect(headers).toContain(
      "Subject: Interview invitation: Frontend engineer interview (Acme Corp)",
    );
  });

  test.each<[string, CandidateMessage, "REQUEST" | "CANCEL"]>([
    ["an invitation", invitation(), "REQUEST"],
    ["an update", update(["rescheduled"], { sequence: 1 }), "REQUEST"],
    ["a cancellation", cancellation("Filled", { sequence: 2 }), "CANCEL"],
  ])(
    "%s has a text/calendar part whose method= is the file's METHOD",
    async (_, message, method) => {
      const raw = await rawMime(await composeCandidateMail(message, sender));
      const { contentType, ics } = calendarPart(raw);
      expect(contentType).toBe(`text/calendar; charset=utf-8; method=${method}`);
      const calendar = new ICAL.Component(ICAL.parse(ics));
      expect(calendar.getFirstPropertyValue("method")).toBe(method);
      expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("sequence")).toBe(
        message.sequence,
      );
      expect(raw).toContain("Content-Type: text/plain; charset=utf-8");
      expect(raw).toContain("Content-Type: text/html; charset=utf-8");
    },
  );

  test("a retried job sends the same Message-ID; another version or kind gets another", async () => {
    const messageId = async (message: CandidateMessage) => {
      const headers = headersOf(await rawMime(await composeCandidateMail(message, sender)));
      return /^Message-ID: (<[^>]+>)$/m.exec(headers)?.[1];
    };
    const first = await messageId(invitation());
    expect(first).toMatch(/^<invitation\.0\.[A-Za-z0-9_-]+@lobby\.example\.com>$/);
    expect(await messageId(invitation())).toBe(first);
    const next = await messageId(update(["retitled"], { sequence: 1 }));
    expect(next).toMatch(/^<update\.1\./);
    expect(next).not.toBe(first);
  });

  test("the Message-ID's host is the app's hostname, without a port", async () => {
    const mail = await composeCandidateMail(
      invitation({ appUrl: "http://localhost:3000" }),
      sender,
    );
    expect(mail.messageId).toMatch(/@localhost>$/);
  });

  test("a title with a line break cannot add a header", async () => {
    const message = invitation({ event: { title: "Interview\r\nBcc: someone@evil.example" } });
    const headers = headersOf(await rawMime(await composeCandidateMail(message, sender)));
    expect(headers).not.toMatch(/^Bcc:/m);
    expect(headers).toContain("Subject: Interview invitation: Interview Bcc: someone@evil.example");
  });

  test("no part of the message carries an interviewer's lobby link", async () => {
    for (const message of [invitation(), update(["rescheduled"]), cancellation(undefined)]) {
      const raw = await rawMime(await composeCandidateMail(message, sender));
      expect(raw).not.toContain(INTERVIEWER_LOBBY_URL);
      expect(calendarPart(raw).ics).not.toContain(INTERVIEWER_LOBBY_URL);
    }
  });
});
