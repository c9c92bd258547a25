import type { VirtualClock } from "../core/clock";
import { calendarItem } from "./calendar-item";
import type { StoredEvent, StoredInterviewee, StoredSession } from "./event-model";
import { localWhen } from "./local-time";
import { lobbyUrl } from "./lobby-url";
import type { NotificationKind, Outbox } from "./outbox";

export type InterviewerMessageKind = Exclude<
  NotificationKind,
  "interviewee.reminder" | "interviewer.recording"
>;

/** Subject and first sentence of each interviewer message, in Indeed's words. */
const INTERVIEWER_WORDING: Record<
  InterviewerMessageKind,
  (title: string, when: string) => [subject: string, sentence: string]
> = {
  "interviewer.invitation": (title, when) => [
    `Interview scheduled: ${title}`,
    `You were added as an interviewer for "${title}" on ${when}.`,
  ],
  "interviewer.rescheduled": (title, when) => [
    `Interview rescheduled: ${title}`,
    `"${title}" now takes place on ${when}.`,
  ],
  "interviewer.canceled": (title, when) => [
    `Interview canceled: ${title}`,
    `"${title}" on ${when} was canceled.`,
  ],
};

/**
 * The messages Indeed sends around an event, worded as Indeed words them, into the outbox.
 * Interviewers get the lobby link and a calendar item; the interviewee only a reminder.
 */
export class EventMessages {
  constructor(
    private readonly clock: VirtualClock,
    private readonly outbox: Outbox,
    private readonly baseUrl: () => string,
  ) {}

  /** One message per address, each with its own calendar item (the attendee differs). */
  toInterviewers(event: StoredEvent, emails: string[], kind: InterviewerMessageKind): void {
    const now = this.clock.now();
    const link = lobbyUrl(this.baseUrl(), event, "interviewer");
    const [subject, sentence] = INTERVIEWER_WORDING[kind](
      event.title,
      localWhen(event.startMs, event.timezone),
    );
    const method = kind === "interviewer.canceled" ? "CANCEL" : "REQUEST";
    for (const email of emails) {
      this.outbox.add({
        eventUuid: event.uuid,
        employerId: event.employerId,
        kind,
        to: email,
        subject,
        text: `${sentence}\n\nJoin with your Indeed account: ${link}\nThe calendar item is attached.\n`,
        lobbyUrl: link,
        ics: calendarItem(event, email, link, method, now),
        at: now,
      });
    }
  }

  /**
   * The recording link, to the interviewers who took part (only they can watch it), dated when
   * processing finished (sending is lazy, see 0031). No calendar item: nothing to schedule.
   */
  recording(
    event: StoredEvent,
    session: StoredSession,
    recipients: string[],
    recordingUrl: string,
    retentionDays: number,
    dueMs: number,
  ): void {
    const link = lobbyUrl(this.baseUrl(), event, "interviewer");
    const when = localWhen(session.startedAt, event.timezone);
    for (const email of recipients) {
      this.outbox.add({
        eventUuid: event.uuid,
        employerId: event.employerId,
        kind: "interviewer.recording",
        to: email,
        subject: `Recording available: ${event.title}`,
        text: `The recording of your interview "${event.title}" on ${when} is ready: ${recordingUrl}\n\nOnly interviewers who took part in the interview can view it, even if the link is shared. It expires ${retentionDays} days after the interview.\n`,
        lobbyUrl: link,
        recordingUrl,
        ics: null,
        at: dueMs,
      });
    }
  }

  /** The interviewee's reminder, dated when it was due (sending is lazy, see 0031). */
  reminder(event: StoredEvent, interviewee: StoredInterviewee, dueMs: number): void {
    const link = lobbyUrl(this.baseUrl(), event, "interviewee");
    this.outbox.add({
      eventUuid: event.uuid,
      employerId: event.employerId,
      kind: "interviewee.reminder",
      to: interviewee.email,
      subject: `Reminder: ${event.title} starts soon`,
      text: `Hello ${interviewee.name},\n\nYour interview "${event.title}" starts at ${localWhen(event.startMs, event.timezone)}.\nJoin from this link (no account needed): ${link}\n`,
      lobbyUrl: link,
      ics: null,
      at: dueMs,
    });
  }
}
