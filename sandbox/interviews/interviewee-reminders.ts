import { Heap } from "heap-js";
import type { VirtualClock } from "../core/clock";
import type { StoredEvent, StoredInterviewee } from "./event-model";
import type { EventStore } from "./event-store";
import type { LifecycleSettings } from "./lifecycle-settings";

interface PendingReminder {
  dueMs: number;
  /** Queue order: equal due times go out in the order they were queued. */
  seq: number;
  uuid: string;
}

export type SendReminder = (
  event: StoredEvent,
  interviewee: StoredInterviewee,
  dueMs: number,
) => void;

/**
 * The interviewee's reminder: `reminderLeadMs` before the start (or when the interviewee was
 * added, if later), once per start time, never for a canceled event. Reminders go out lazily
 * when something reads the state (0031), so pending ones wait on a min-heap by due time.
 *
 * Invariant: at most one live entry per event, the one in `live`. Queueing again (reschedule,
 * interviewee added) or dropping (cancel) only changes `live`; the heap entry it replaced is
 * skipped when it surfaces, so each change costs O(log n) instead of a search through the heap.
 */
export class IntervieweeReminders {
  private readonly heap = new Heap<PendingReminder>((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
  private readonly live = new Map<string, PendingReminder>();
  private seq = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly store: EventStore,
    private readonly settings: LifecycleSettings,
    private readonly send: SendReminder,
  ) {}

  /** (Re)queues the reminder for the event's current start, or drops it if none is due. */
  queue(event: StoredEvent): void {
    const dueMs = event.reminderSentForStartMs === event.startMs ? null : this.dueFor(event);
    if (dueMs === null) {
      this.drop(event.uuid);
      return;
    }
    const entry = { dueMs, seq: this.seq++, uuid: event.uuid };
    this.heap.push(entry);
    this.live.set(event.uuid, entry);
  }

  drop(uuid: string): void {
    this.live.delete(uuid);
  }

  /** Sends every reminder whose time has come on the virtual clock, earliest first. */
  sendDue(): void {
    const now = this.clock.now();
    for (let next = this.heap.peek(); next && next.dueMs <= now; next = this.heap.peek()) {
      this.heap.pop();
      if (this.live.get(next.uuid) !== next) continue;
      this.live.delete(next.uuid);
      const event = this.store.get(next.uuid);
      // A reminder lead changed since queueing makes the entry stale: it is skipped, not sent
      // at a time the settings no longer say.
      if (!event?.interviewee || this.dueFor(event) !== next.dueMs) continue;
      event.reminderSentForStartMs = event.startMs;
      this.send(event, event.interviewee, next.dueMs);
    }
  }

  /** Forgets everything pending and queues the reminders these events still owe. */
  rebuild(events: Iterable<StoredEvent>): void {
    this.heap.clear();
    this.live.clear();
    for (const event of events) this.queue(event);
  }

  /** When the reminder for the event's current start goes out; null if it never will. */
  private dueFor(event: StoredEvent): number | null {
    if (!event.interviewee || event.status !== "SCHEDULED") return null;
    const due = Math.max(event.startMs - this.settings.reminderLeadMs, event.interviewee.addedAt);
    return due < event.startMs ? due : null;
  }
}
