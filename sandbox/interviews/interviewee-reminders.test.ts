import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import type { StoredEvent } from "./event-model";
import { EventStore } from "./event-store";
import { IntervieweeReminders } from "./interviewee-reminders";
import { DEFAULT_LIFECYCLE_SETTINGS } from "./lifecycle-settings";
import { HOUR, MINUTE, scheduledEvent } from "./unit-fixtures";

let clock: VirtualClock;
let store: EventStore;
let reminders: IntervieweeReminders;
let sent: { uuid: string; at: number }[];

/** Schedules and queues an event starting `startIn` from now. */
function schedule(uuid: string, startIn: number): StoredEvent {
  const event = scheduledEvent(uuid, clock.now() + startIn, clock.now());
  store.add(event);
  reminders.queue(event);
  return event;
}

function reschedule(event: StoredEvent, startIn: number): void {
  store.reschedule(event, clock.now() + startIn, clock.now() + startIn + HOUR);
  reminders.queue(event);
}

function advance(ms: number): void {
  clock.advance(ms);
  reminders.sendDue();
}

beforeEach(() => {
  clock = new VirtualClock();
  store = new EventStore();
  sent = [];
  reminders = new IntervieweeReminders(
    clock,
    store,
    { ...DEFAULT_LIFECYCLE_SETTINGS },
    (event, _interviewee, at) => sent.push({ uuid: event.uuid, at }),
  );
});

describe("interviewee reminders", () => {
  it("go out five minutes before the start, once per start time", () => {
    const event = schedule("a", 2 * HOUR);
    advance(2 * HOUR - 6 * MINUTE);
    expect(sent).toEqual([]);
    advance(2 * MINUTE);
    advance(0);
    expect(sent).toEqual([{ uuid: "a", at: event.startMs - 5 * MINUTE }]);
    expect(event.reminderSentForStartMs).toBe(event.startMs);
    reminders.queue(event);
    advance(HOUR);
    expect(sent).toHaveLength(1);
  });

  it("go out at once for an interviewee added inside the lead time, never after the start", () => {
    const soon = schedule("soon", 3 * MINUTE);
    schedule("started", -MINUTE);
    advance(0);
    expect(sent).toEqual([{ uuid: "soon", at: soon.interviewee!.addedAt }]);
  });

  it("with the same due time, go out in the order they were queued", () => {
    const uuids = ["c", "a", "d", "b", "e"];
    for (const uuid of uuids) schedule(uuid, HOUR);
    advance(HOUR);
    expect(sent.map((s) => s.uuid)).toEqual(uuids);
  });

  it("are removed by a cancel", () => {
    const canceled = schedule("canceled", HOUR);
    schedule("kept", HOUR);
    canceled.status = "CANCELED";
    reminders.drop(canceled.uuid);
    advance(2 * HOUR);
    expect(sent.map((s) => s.uuid)).toEqual(["kept"]);
  });

  it("move with a reschedule, later or earlier, and go out once, for the new start", () => {
    const later = schedule("later", HOUR);
    const earlier = schedule("earlier", 3 * HOUR);
    reschedule(later, 4 * HOUR);
    reschedule(earlier, 2 * HOUR);
    advance(HOUR);
    expect(sent).toEqual([]);
    advance(3 * HOUR);
    expect(sent).toEqual([
      { uuid: "earlier", at: earlier.startMs - 5 * MINUTE },
      { uuid: "later", at: later.startMs - 5 * MINUTE },
    ]);
  });

  it("go out once when a reschedule inside the lead time leaves the due time as it was", () => {
    const event = schedule("a", 3 * MINUTE);
    reschedule(event, 4 * MINUTE);
    advance(MINUTE);
    expect(sent).toEqual([{ uuid: "a", at: event.interviewee!.addedAt }]);
  });

  it("go out again when a reminded event is rescheduled", () => {
    const event = schedule("a", HOUR);
    const firstStart = event.startMs;
    advance(HOUR - MINUTE);
    reschedule(event, HOUR);
    advance(HOUR);
    expect(sent.map((s) => s.at)).toEqual([firstStart - 5 * MINUTE, event.startMs - 5 * MINUTE]);
  });

  it("keep due order over many events and go out exactly once each", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const events = Array.from({ length: 5000 }, (_, i) =>
      schedule(`e${i}`, Math.floor(random() * 96) * 15 * MINUTE + HOUR),
    );
    for (const event of events.filter((_, i) => i % 3 === 0))
      reschedule(event, Math.floor(random() * 96) * 15 * MINUTE + HOUR);
    for (let step = 0; step < 30; step++) advance(HOUR);
    expect(sent).toHaveLength(events.length);
    expect(new Set(sent.map((s) => s.uuid)).size).toBe(events.length);
    expect(sent.every((s, i) => i === 0 || s.at >= sent[i - 1]!.at)).toBe(true);
    expect(sent.every(({ uuid, at }) => at === store.get(uuid)!.startMs - 5 * MINUTE)).toBe(true);
  });

  it("rebuild from stored events, skipping those reminded or canceled", () => {
    const reminded = scheduledEvent("reminded", clock.now() + HOUR, clock.now());
    reminded.reminderSentForStartMs = reminded.startMs;
    const canceled = scheduledEvent("canceled", clock.now() + HOUR, clock.now());
    canceled.status = "CANCELED";
    const owed = scheduledEvent("owed", clock.now() + HOUR, clock.now());
    store.load([reminded, canceled, owed]);
    reminders.rebuild(store.all());
    advance(2 * HOUR);
    expect(sent.map((s) => s.uuid)).toEqual(["owed"]);
  });
});
