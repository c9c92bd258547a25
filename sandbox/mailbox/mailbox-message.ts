import { simpleParser, type AddressObject, type Attachment } from "mailparser";

/**
 * One message the sandbox's SMTP server accepted, as the mailbox stores, lists and persists it.
 * Everything a test or a person needs to check what the ATS sent: the SMTP envelope (who was
 * really addressed, Bcc included), the headers as parsed, both bodies, every attachment with
 * its content, and the raw MIME exactly as received.
 */
export interface MailboxMessage {
  id: string;
  /** When the sandbox accepted it, on the sandbox's virtual clock (ISO 8601). */
  receivedAt: string;
  envelope: { mailFrom: string | null; rcptTo: string[] };
  messageId: string | null;
  subject: string | null;
  /** The message's own `Date` header (ISO 8601), as the sender wrote it. */
  date: string | null;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  text: string | null;
  html: string | null;
  attachments: MailAttachment[];
  /** Size of the raw message in bytes. */
  size: number;
  /** The raw MIME, base64 (lossless whatever the bytes); `raw` in the JSON is its UTF-8 text. */
  rawBase64: string;
}

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  filename: string | null;
  /** The part's media type with its parameters, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  /** The `method` parameter of a `text/calendar` part (`REQUEST`, `CANCEL`, ...), else null. */
  method: string | null;
  /** `attachment`, `inline`, or null for a part without Content-Disposition (a calendar alternative). */
  disposition: string | null;
  contentId: string | null;
  size: number;
  contentBase64: string;
}

export interface Envelope {
  mailFrom: string | null;
  rcptTo: string[];
}

/** Parses a received message with mailparser into what the mailbox keeps. */
export async function parseMessage(
  raw: Buffer,
  meta: { id: string; receivedAt: string; envelope: Envelope },
): Promise<MailboxMessage> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  return {
    id: meta.id,
    receivedAt: meta.receivedAt,
    envelope: meta.envelope,
    messageId: parsed.messageId ?? null,
    subject: parsed.subject ?? null,
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo),
    text: parsed.text ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    attachments: parsed.attachments.map(attachment),
    size: raw.length,
    rawBase64: raw.toString("base64"),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  // A group (`Team: a@x, b@x;`) lists its members under `group`.
  return groups
    .flatMap((g) => g.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a) => a.address)
    .map((a) => ({ name: a.name ?? "", address: a.address ?? "" }));
}

function attachment(part: Attachment): MailAttachment {
  const header = part.headers.get("content-type");
  const params =
    header && typeof header === "object" && "params" in header
      ? (header.params as Record<string, string>)
      : {};
  const mediaType = part.contentType.toLowerCase();
  const methodParam = Object.entries(params).find(([key]) => key.toLowerCase() === "method");
  return {
    filename: part.filename ?? null,
    contentType: [
      mediaType,
      ...Object.entries(params).map(([key, value]) => `${key}=${quoteParam(value)}`),
    ].join("; "),
    method:
      mediaType === "text/calendar" && methodParam ? methodParam[1].trim().toUpperCase() : null,
    disposition: part.contentDisposition ?? null,
    contentId: part.contentId ?? null,
    size: part.size ?? part.content.length,
    contentBase64: part.content.toString("base64"),
  };
}

/** A MIME parameter value, quoted when it holds anything but a token's characters. */
function quoteParam(value: string): string {
  return /^[\w!#$&+.^`|~-]+$/.test(value) ? value : `"${value.replace(/["\\]/g, "\\$&")}"`;
}

/** The message as `GET /_sandbox/mailbox/messages` answers it: the raw MIME as text. */
export function messageJson(message: MailboxMessage) {
  const { rawBase64, ...rest } = message;
  return {
    ...rest,
    attachments: message.attachments.map((a, index) => ({
      ...a,
      url: `/_sandbox/mailbox/messages/${encodeURIComponent(message.id)}/attachments/${index}`,
    })),
    raw: Buffer.from(rawBase64, "base64").toString("utf8"),
  };
}

/** True when `address` (any case) is one the message went to: envelope, To or Cc. */
export function isAddressedTo(message: MailboxMessage, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return [
    ...message.envelope.rcptTo,
    ...message.to.map((a) => a.address),
    ...message.cc.map((a) => a.address),
  ].some((a) => a.toLowerCase() === wanted);
}
