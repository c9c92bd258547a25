import { randomBytes, randomUUID } from "node:crypto";
import type { VirtualClock } from "../core/clock";
import { badInput } from "./api-error";
import type { InterviewApiModes } from "./api-modes";
import { mayAct, refusal } from "./event-access";
import type { StoredEvent, StoredInterviewee } from "./event-model";
import {
  checkEventTimes,
  checkInterviewee,
  checkNewEvent,
  checkNotInterviewer,
  chosenUpdate,
  mergeInterviewers,
  type CreateEventInput,
  type IntervieweeInput,
  type UpdateEventInput,
} from "./event-rules";
import type { EventStore } from "./event-store";
import { LIMITS, requireText, requireTimeZone } from "./input-rules";
import { decodeEventId } from "./resource-id";

/** Who is calling: the token's user, their employer and the OAuth client. */
export interface Actor {
  userId: string;
  email: string;
  employerId: string;
  clientId: string;
}

/**
 * What a create, update or cancel did to an event. The service decides what Indeed does
 * about each (messages, reminders), so this module only changes state.
 */
export type Transition =
  | { kind: "scheduled" | "rescheduled" | "canceled"; event: StoredEvent }
  | { kind: "interviewers-added"; event: StoredEvent; added: string[] }
  | { kind: "interviewee-added" | "retitled" | "rezoned"; event: StoredEvent };

/**
 * An employer's events moving through their states: SCHEDULED (changeable) to CANCELED
 * (kept, frozen). Every change bumps `updatedAt`; those a calendar item carries bump `sequence`.
 */
export class EventTransitions {
  constructor(
    private readonly clock: VirtualClock,
    private readonly store: EventStore,
    /** Read on every call: the control API switches the access mode in place. */
    private readonly modes: Pick<InterviewApiModes, "access">,
  ) {}

  /** An event the caller may act on (event-access.ts), by either id form; else FORBIDDEN. */
  eventFor(actor: Actor, id: string): StoredEvent {
    const uuid = decodeEventId(id);
    const event = uuid ? this.store.get(uuid) : undefined;
    if (!event || !mayAct(event, actor, this.modes.access)) throw refusal(event, actor, id);
    return event;
  }

  create(
    actor: Actor,
    input: CreateEventInput,
    options: { allowPast?: boolean; uuid?: string } = {},
  ): Transition {
    const now = this.clock.now();
    const fields = checkNewEvent(input, actor.email, now, options.allowPast ?? false);
    if (options.uuid && this.store.get(options.uuid))
      throw badInput(`An event with id ${options.uuid} already exists.`);

    const event: StoredEvent = {
      uuid: options.uuid ?? randomUUID(),
      employerId: actor.employerId,
      createdByUserId: actor.userId,
      createdByClientId: actor.clientId,
      status: "SCHEDULED",
      mediaType: "VIDEO",
      title: fields.title,
      startMs: input.startTime,
      endMs: input.endTime,
      timezone: fields.timezone,
      languageCode: fields.languageCode,
      countryCode: fields.countryCode,
      interviewers: fields.interviewers.map((email) => ({ email, addedAt: now })),
      interviewee: fields.interviewee && storedInterviewee(fields.interviewee, now),
      requestMetadata: fields.requestMetadata,
      interviewerLobbyToken: lobbyToken(),
      sessions: [],
      createdAt: now,
      updatedAt: now,
      canceledAt: null,
      sequence: 0,
      reminderSentForStartMs: null,
    };
    this.store.add(event);
    return { kind: "scheduled", event };
  }

  update(actor: Actor, input: UpdateEventInput): Transition {
    const kind = chosenUpdate(input);
    const now = this.clock.now();
    if (kind === "reschedule") {
      const { id, startTime, endTime } = input.reschedule!;
      const event = this.changeableEvent(actor, id);
      checkEventTimes(startTime, endTime, now, false);
      this.store.reschedule(event, startTime, endTime);
      touch(event, now, true);
      return { kind: "rescheduled", event };
    }
    if (kind === "addInterviewers") {
      const { id, interviewers } = input.addInterviewers!;
      const event = this.changeableEvent(actor, id);
      const existing = event.interviewers.map((i) => i.email);
      const added = mergeInterviewers(existing, interviewers).slice(existing.length);
      // The guide's style: a request that cannot do what it asks fails with a validation error.
      if (added.length === 0) {
        throw badInput(
          "Every interviewer in addInterviewers is already on the event: nothing was added.",
        );
      }
      if (event.interviewee) checkNotInterviewer(event.interviewee.email, added);
      event.interviewers.push(...added.map((email) => ({ email, addedAt: now })));
      touch(event, now, false);
      return { kind: "interviewers-added", event, added };
    }
    if (kind === "addInterviewee") {
      const { id, interviewee } = input.addInterviewee!;
      const event = this.changeableEvent(actor, id);
      if (event.interviewee) {
        throw badInput(
          "The event already has an interviewee, and an interviewee cannot be changed: cancel the event and schedule a new one.",
        );
      }
      const interviewers = event.interviewers.map((i) => i.email);
      event.interviewee = storedInterviewee(checkInterviewee(interviewee, interviewers), now);
      this.store.reindex(event);
      touch(event, now, false);
      return { kind: "interviewee-added", event };
    }
    if (kind === "setTitle") {
      const { id, title } = input.setTitle!;
      const event = this.changeableEvent(actor, id);
      event.title = requireText(title, "title", LIMITS.title);
      touch(event, now, true);
      return { kind: "retitled", event };
    }
    const { id, timezone } = input.setTimezone!;
    const event = this.changeableEvent(actor, id);
    event.timezone = requireTimeZone(timezone, "timezone");
    touch(event, now, true);
    return { kind: "rezoned", event };
  }

  cancel(actor: Actor, id: string): Transition {
    const event = this.eventFor(actor, id);
    if (event.status === "CANCELED") throw badInput(`The event '${id}' is already canceled.`);
    const now = this.clock.now();
    event.status = "CANCELED";
    event.canceledAt = now;
    touch(event, now, true);
    return { kind: "canceled", event };
  }

  private changeableEvent(actor: Actor, id: string): StoredEvent {
    const event = this.eventFor(actor, id);
    if (event.status === "CANCELED")
      throw badInput(`The event '${id}' is canceled and cannot be changed.`);
    return event;
  }
}

function touch(event: StoredEvent, now: number, calendarChanged: boolean): void {
  event.updatedAt = now;
  if (calendarChanged) event.sequence++;
}

function storedInterviewee(checked: IntervieweeInput, now: number): StoredInterviewee {
  return { ...checked, addedAt: now, lobbyToken: lobbyToken() };
}

function lobbyToken(): string {
  return randomBytes(18).toString("base64url");
}
