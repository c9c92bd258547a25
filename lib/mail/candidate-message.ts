import { z } from "zod";

/**
 * A message to an interview's interviewee, as data: what the mail job carries from the
 * transaction that recorded Indeed's answer to the moment it sends. Everything the templates,
 * the calendar file and the MIME message need is here, so rendering is pure and a retried job
 * renders the same message.
 *
 * Invariants:
 * - The only lobby link is the interviewee's. Interviewers join through a lobby that signs them
 *   in with Indeed; that link must never reach a job seeker, so the model has no field for it
 *   and `createCandidateMessage` takes no event shape that could carry it.
 * - Times are UTC instants; the event's IANA zone says how to show them.
 * - `sequence` is the iCalendar SEQUENCE: 0 for the first message about an event, one more for
 *   each message after it, so calendar clients apply them in order.
 */

/** What an update changed. Adding the interviewee is an invitation: it is their first message. */
export const EVENT_CHANGES = ["rescheduled", "retitled", "time_zone_changed"] as const;
export type EventChange = (typeof EVENT_CHANGES)[number];

/** A zone is known when the runtime's Intl can show times in it. */
function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Links go into href attributes and calendar files: only http(s), never javascript: and kin.
const webUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());
const address = z.email();
const text = z.string().trim().min(1);

const eventSchema = z
  .strictObject({
    /** Indeed's opaque event id: the calendar UID and Message-ID are derived from it. */
    id: text,
    title: text,
    start: instant,
    end: instant,
    timeZone: z.string().refine(isIanaZone, "must be an IANA time zone"),
    /** ISO 639-1 code as Indeed keeps it; null when the event has none. */
    language: z.string().trim().nullable(),
  })
  .refine((event) => event.end > event.start, "must end after it starts");

const baseFields = {
  /** Lobby's public base URL (APP_URL): the privacy link and the calendar UID's host. */
  appUrl: webUrl.transform((url) => url.replace(/\/+$/, "")),
  employer: z.strictObject({
    name: text,
    /** How job seekers reach the employer (an address, a phone number), as the employer set it. */
    contact: text,
  }),
  /** The calendar ORGANIZER and the From name; the address the employer set. */
  organizer: z.strictObject({ name: text, email: address }),
  replyTo: address,
  event: eventSchema,
  interviewee: z.strictObject({ name: text, email: address, lobbyUrl: webUrl }),
  sequence: z.int().min(0),
  /** When the change was recorded: the calendar's DTSTAMP and the mail's Date, fixed for retries. */
  recordedAt: instant,
};

/** The mail job's payload. Strict objects: an unknown field (say, an interviewer link) is refused. */
export const candidateMessageSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("invitation"), ...baseFields }),
  z.strictObject({
    kind: z.literal("update"),
    changes: z.array(z.enum(EVENT_CHANGES)).min(1),
    ...baseFields,
  }),
  z.strictObject({
    kind: z.literal("cancellation"),
    /** The reason the employer gave, when one was given. */
    cancelReason: text.optional(),
    ...baseFields,
  }),
]);

export type CandidateMessage = z.infer<typeof candidateMessageSchema>;
export type CandidateMessageKind = CandidateMessage["kind"];
export type CandidateMessageInput = z.input<typeof candidateMessageSchema>;

/**
 * The interviewer lobby link, named so that the type can refuse it: an event shape that carries
 * one (a whole Indeed event, say) does not fit where a message's event goes.
 */
interface NoInterviewerLink {
  interviewerLobbyUrl?: never;
}

export type CreateCandidateMessageInput = CandidateMessageInput & {
  event: CandidateMessageInput["event"] & NoInterviewerLink;
  interviewee: CandidateMessageInput["interviewee"] & NoInterviewerLink;
};

/** Checks and normalises a message (instants to UTC, the base URL without a trailing slash). */
export function createCandidateMessage(input: CreateCandidateMessageInput): CandidateMessage {
  return candidateMessageSchema.parse(input);
}

/** The page that says what is shared with Indeed: `${appUrl}/privacy`. */
export function privacyUrlOf(message: Pick<CandidateMessage, "appUrl">): string {
  return `${message.appUrl}/privacy`;
}
