import type { VirtualClock } from "../core/clock";
import type { StoredEvent, StoredSession } from "./event-model";
import type { EventStore } from "./event-store";

interface PendingMail {
  eventUuid: string;
  sessionUuid: string;
  dueMs: number;
}

/**
 * "When an interview concludes, Indeed sends an email to the interviewers with a link to the
 * recording." The sandbox sends it when the recording becomes available (processing done), on
 * the virtual clock and lazily like the reminders (0031): `sendDue` runs whenever anything reads
 * messages. Pending mails are few (one per recorded session), so a sorted array does.
 */
export class RecordingMail {
  private pending: PendingMail[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly store: EventStore,
    private readonly send: (event: StoredEvent, session: StoredSession, dueMs: number) => void,
  ) {}

  /** Owes the mail for a session whose recording will become available. */
  queue(event: StoredEvent, session: StoredSession): void {
    if (session.recording !== "available" || session.recordingMailSentAt) return;
    const mail = {
      eventUuid: event.uuid,
      sessionUuid: session.uuid,
      dueMs: session.recordingReadyAt,
    };
    const at = this.pending.findIndex((p) => p.dueMs > mail.dueMs);
    if (at < 0) this.pending.push(mail);
    else this.pending.splice(at, 0, mail);
  }

  sendDue(): void {
    const now = this.clock.now();
    while (this.pending.length > 0 && this.pending[0]!.dueMs <= now) {
      const mail = this.pending.shift()!;
      const event = this.store.get(mail.eventUuid);
      const session = event?.sessions.find((s) => s.uuid === mail.sessionUuid);
      if (!event || !session || session.recordingMailSentAt) continue;
      session.recordingMailSentAt = mail.dueMs;
      this.send(event, session, mail.dueMs);
    }
  }

  /** After a load: every recorded session whose mail has not gone out yet. */
  rebuild(events: Iterable<StoredEvent>): void {
    this.pending = [];
    for (const event of events) for (const session of event.sessions) this.queue(event, session);
  }
}
