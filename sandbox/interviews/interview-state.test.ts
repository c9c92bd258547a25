import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/clock";
import { EventStore } from "./event-store";
import { IntervieweeReminders } from "./interviewee-reminders";
import { restoreInterviews, snapshotInterviews, type PersistedParts } from "./interview-state";
import { DEFAULT_LIFECYCLE_SETTINGS } from "./lifecycle-settings";
import { Outbox } from "./outbox";
import { RecordingMail } from "./recording-mail";
import { HOUR, MINUTE, scheduledEvent } from "./unit-fixtures";

function parts(clock: VirtualClock, sent: string[]): PersistedParts {
  const store = new EventStore();
  const settings = { ...DEFAULT_LIFECYCLE_SETTINGS };
  const reminders = new IntervieweeReminders(clock, store, settings, (event) =>
    sent.push(event.uuid),
  );
  const recordingMail = new RecordingMail(clock, store, () => undefined);
  return { store, outbox: new Outbox(), settings, reminders, recordingMail };
}

describe("the Interview API's saved state", () => {
  it("round-trips events, messages and settings, and re-queues the reminders owed", () => {
    const clock = new VirtualClock();
    const before = parts(clock, []);
    const event = scheduledEvent("e1", clock.now() + HOUR, clock.now());
    before.store.add(event);
    before.outbox.add({
      eventUuid: "e1",
      employerId: "emp-acme",
      kind: "interviewer.invitation",
      to: "dana@acme.example",
      subject: "Interview scheduled",
      text: "",
      lobbyUrl: "",
      ics: null,
      at: clock.now(),
    });
    before.settings.reminderLeadMs = 30 * MINUTE;

    const sent: string[] = [];
    const after = parts(clock, sent);
    const settings = after.settings;
    restoreInterviews(after, JSON.parse(JSON.stringify(snapshotInterviews(before))));
    expect(after.store.get("e1")?.title).toBe(event.title);
    expect(after.outbox.forEvent("e1")).toHaveLength(1);
    // Changed in place: the reminders and sessions hold this object.
    expect(after.settings).toBe(settings);
    expect(settings.reminderLeadMs).toBe(30 * MINUTE);
    clock.advance(HOUR - 30 * MINUTE);
    after.reminders.sendDue();
    expect(sent).toEqual(["e1"]);
  });

  it("starts empty with the default settings when there is no snapshot", () => {
    const state = parts(new VirtualClock(), []);
    state.settings.recordingRetentionMs = 1;
    state.store.add(scheduledEvent("e1", Date.now() + HOUR, Date.now()));
    restoreInterviews(state, undefined);
    expect(state.store.size).toBe(0);
    expect(state.settings).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
  });
});
