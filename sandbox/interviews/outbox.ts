import { randomUUID } from "node:crypto";

export type NotificationKind =
  | "interviewer.invitation"
  | "interviewer.rescheduled"
  | "interviewer.canceled"
  | "interviewer.recording"
  | "interviewee.reminder";

/** A message Indeed sends around an event (to an interviewer, or the interviewee's reminder). */
export interface Notification {
  id: string;
  eventUuid: string;
  employerId: string;
  kind: NotificationKind;
  to: string;
  subject: string;
  text: string;
  /** The lobby link the message carries. */
  lobbyUrl: string;
  /** The calendar item attached to interviewer messages. */
  ics: string | null;
  /** The recording page, in the `interviewer.recording` message. */
  recordingUrl?: string | null;
  /** Virtual time it was sent. */
  at: number;
}

/** What Indeed sent, oldest first, also indexed by event. */
export class Outbox {
  private messages: Notification[] = [];
  private byEvent = new Map<string, Notification[]>();

  add(message: Omit<Notification, "id">): Notification {
    const stored = { id: randomUUID(), ...message };
    this.messages.push(stored);
    const list = this.byEvent.get(stored.eventUuid);
    if (list) list.push(stored);
    else this.byEvent.set(stored.eventUuid, [stored]);
    return stored;
  }

  forEvent(eventUuid: string): Notification[] {
    return this.byEvent.get(eventUuid) ?? [];
  }

  /** The newest `limit` messages, newest first. */
  recent(limit: number): Notification[] {
    return this.messages.slice(-limit).reverse();
  }

  get size(): number {
    return this.messages.length;
  }

  all(): Notification[] {
    return this.messages;
  }

  load(messages: Notification[]): void {
    this.clear();
    for (const message of messages) this.add(message);
  }

  clear(): void {
    this.messages = [];
    this.byEvent.clear();
  }
}
