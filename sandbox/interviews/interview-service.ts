import type { VirtualClock } from "../core/clock";
import type { OAuthApi } from "../oauth/api";
import { sessionParticipants, type StoredEvent, type StoredSession } from "./event-model";
import { DEFAULT_MODES, type InterviewApiModes } from "./api-modes";
import { findableEvents } from "./event-access";
import { EventMessages } from "./event-messages";
import { termsNotices, type CreateEventInput, type UpdateEventInput } from "./event-rules";
import { EventStore, type EmployerEvents, type LobbyRole } from "./event-store";
import { EventTransitions, type Actor, type Transition } from "./event-transitions";
import {
  InterviewSessions,
  type DecisionInput,
  type RecordingState,
  type SessionInput,
} from "./interview-sessions";
import {
  restoreInterviews,
  snapshotInterviews,
  type InterviewState,
  type PersistedParts,
} from "./interview-state";
import { IntervieweeReminders } from "./interviewee-reminders";
import { DEFAULT_LIFECYCLE_SETTINGS, type LifecycleSettings } from "./lifecycle-settings";
import { lobbyUrl } from "./lobby-url";
import { Outbox } from "./outbox";
import { RecordingMail } from "./recording-mail";

type Directory = Pick<OAuthApi, "userByEmail" | "user">;

/**
 * The Interview API's behaviour without HTTP or GraphQL, composed from one part per job:
 * event-rules (what callers may send), event-transitions (create/update/cancel),
 * event-messages (Indeed's wording, into the outbox), interviewee-reminders,
 * interview-sessions (sessions, recordings, decisions) and interview-state (persistence).
 * Its own job is what Indeed does after each transition.
 */
export class InterviewService {
  readonly store = new EventStore();
  readonly outbox = new Outbox();
  /** One object shared by the parts; the control API changes its fields in place. */
  readonly settings: LifecycleSettings = { ...DEFAULT_LIFECYCLE_SETTINGS };
  private readonly transitions: EventTransitions;
  private readonly messages: EventMessages;
  private readonly reminders: IntervieweeReminders;
  private readonly sessions: InterviewSessions;
  private readonly recordingMail: RecordingMail;
  private readonly persisted: PersistedParts;

  constructor(
    clock: VirtualClock,
    private readonly directory: Directory,
    private readonly baseUrl: () => string,
    /** Schema and access modes (api-modes.ts); the control API changes its fields in place. */
    readonly modes: InterviewApiModes = { ...DEFAULT_MODES },
  ) {
    this.transitions = new EventTransitions(clock, this.store, modes);
    this.messages = new EventMessages(clock, this.outbox, baseUrl);
    this.reminders = new IntervieweeReminders(
      clock,
      this.store,
      this.settings,
      (event, interviewee, dueMs) => this.messages.reminder(event, interviewee, dueMs),
    );
    this.sessions = new InterviewSessions(clock, this.store, this.settings, baseUrl);
    this.recordingMail = new RecordingMail(clock, this.store, (event, session, dueMs) =>
      this.messages.recording(
        event,
        session,
        sessionParticipants(event, session),
        this.sessions.recordingUrl(session) ?? `${baseUrl()}/_sandbox/recordings/${session.uuid}`,
        this.settings.recordingRetentionMs / 86_400_000,
        dueMs,
      ),
    );
    const { store, outbox, settings, reminders, recordingMail } = this;
    this.persisted = { store, outbox, settings, reminders, recordingMail };
  }

  lobbyUrl(event: StoredEvent, role: LobbyRole): string {
    return lobbyUrl(this.baseUrl(), event, role);
  }

  /** An event the caller may act on under the access mode; FORBIDDEN otherwise. */
  eventFor(actor: Actor, id: string): StoredEvent {
    return this.transitions.eventFor(actor, id);
  }

  /** The events `findVirtualInterviewEvents` may list for this caller, in index order. */
  findableEvents(actor: Actor): EmployerEvents {
    return findableEvents(this.store.employerEvents(actor.employerId), actor, this.modes.access);
  }

  createEvent(
    actor: Actor,
    input: CreateEventInput,
    options: { allowPast?: boolean; uuid?: string } = {},
  ): StoredEvent {
    return this.followUp(this.transitions.create(actor, input, options));
  }

  updateEvent(actor: Actor, input: UpdateEventInput): StoredEvent {
    return this.followUp(this.transitions.update(actor, input));
  }

  cancelEvent(actor: Actor, id: string): StoredEvent {
    return this.followUp(this.transitions.cancel(actor, id));
  }

  /** Holds a session; a recorded one owes its interviewers the recording e-mail. */
  conductSession(event: StoredEvent, input: SessionInput): StoredSession {
    const session = this.sessions.conduct(event, input);
    this.recordingMail.queue(event, session);
    return session;
  }

  /** Whether this person took part in the session, and so may watch its recording. */
  mayWatch(event: StoredEvent, session: StoredSession, email: string): boolean {
    return this.sessions.mayWatch(event, session, email);
  }

  decide(event: StoredEvent, input: DecisionInput): StoredSession {
    return this.sessions.decide(event, input);
  }

  recordingState(session: StoredSession): RecordingState {
    return this.sessions.recordingState(session);
  }

  recordingUrl(session: StoredSession): string | null {
    return this.sessions.recordingUrl(session);
  }

  /** Name and account of an interviewer, when the email belongs to a sandbox user. */
  person(email: string): { userId: string | null; name: string | null; email: string } {
    const user = this.directory.userByEmail(email);
    return { userId: user?.id ?? null, name: user?.name ?? null, email };
  }

  termsNotices(event: StoredEvent): string[] {
    return termsNotices(event);
  }

  /**
   * Sends what Indeed owes by now on the virtual clock: interviewee reminders and recording
   * e-mails. Called whenever anything reads messages or events (sending is lazy, 0031).
   */
  catchUp(): void {
    this.reminders.sendDue();
    this.recordingMail.sendDue();
  }

  snapshot(): InterviewState {
    return snapshotInterviews(this.persisted);
  }

  load(state: InterviewState | undefined): void {
    restoreInterviews(this.persisted, state);
  }

  /** Adds many events at once without notifications (the benchmark's synthetic load). */
  addSynthetic(events: StoredEvent[]): void {
    this.store.addMany(events);
  }

  /** Interviewers hear of every change to their calendar but a new title or zone. */
  private followUp(transition: Transition): StoredEvent {
    const { event } = transition;
    const everyone = () => event.interviewers.map((i) => i.email);
    switch (transition.kind) {
      case "scheduled":
        this.messages.toInterviewers(event, everyone(), "interviewer.invitation");
        this.reminders.queue(event);
        break;
      case "rescheduled":
        this.messages.toInterviewers(event, everyone(), "interviewer.rescheduled");
        this.reminders.queue(event);
        break;
      case "interviewers-added":
        this.messages.toInterviewers(event, transition.added, "interviewer.invitation");
        break;
      case "interviewee-added":
        this.reminders.queue(event);
        break;
      case "canceled":
        this.messages.toInterviewers(event, everyone(), "interviewer.canceled");
        this.reminders.drop(event.uuid);
        break;
      case "retitled":
      case "rezoned":
        break;
    }
    return event;
  }
}
