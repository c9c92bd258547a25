import type { StoredEvent } from "./event-model";

/** An employer's events, kept sorted twice so time-range queries are binary searches. */
export interface EmployerEvents {
  /** By (startMs, uuid). */
  byStart: StoredEvent[];
  /** By (endMs, uuid). */
  byEnd: StoredEvent[];
}

export type TimeKey = "startMs" | "endMs";

export function compareBy(key: TimeKey) {
  return (a: StoredEvent, b: StoredEvent): number =>
    a[key] - b[key] || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);
}
const byStartOrder = compareBy("startMs");
const byEndOrder = compareBy("endMs");

/** First index whose `key` is at least `ms` (or after the event `(ms, uuid)` when a uuid is given). */
export function lowerBound(sorted: StoredEvent[], key: TimeKey, ms: number, uuid = ""): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const event = sorted[mid]!;
    if (event[key] < ms || (event[key] === ms && event.uuid < uuid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type LobbyRole = "interviewer" | "interviewee";

/** The in-memory event store with its indexes; the module snapshots `all()` to disk. */
export class EventStore {
  private events = new Map<string, StoredEvent>();
  private employers = new Map<string, EmployerEvents>();
  private lobbies = new Map<string, { uuid: string; role: LobbyRole }>();
  private sessions = new Map<string, string>();

  get(uuid: string): StoredEvent | undefined {
    return this.events.get(uuid);
  }

  get size(): number {
    return this.events.size;
  }

  all(): IterableIterator<StoredEvent> {
    return this.events.values();
  }

  employerIds(): string[] {
    return [...this.employers.keys()];
  }

  employerEvents(employerId: string): EmployerEvents {
    return this.employers.get(employerId) ?? { byStart: [], byEnd: [] };
  }

  add(event: StoredEvent): void {
    this.index(event);
    const list = this.listsOf(event.employerId);
    list.byStart.splice(lowerBound(list.byStart, "startMs", event.startMs, event.uuid), 0, event);
    list.byEnd.splice(lowerBound(list.byEnd, "endMs", event.endMs, event.uuid), 0, event);
  }

  /** Adds many events with one sort per employer instead of one splice per event. */
  addMany(events: StoredEvent[]): void {
    const touched = new Set<string>();
    for (const event of events) {
      this.index(event);
      const list = this.listsOf(event.employerId);
      list.byStart.push(event);
      list.byEnd.push(event);
      touched.add(event.employerId);
    }
    for (const employerId of touched) {
      const list = this.listsOf(employerId);
      list.byStart.sort(byStartOrder);
      list.byEnd.sort(byEndOrder);
    }
  }

  /** Moves an event in time, keeping both sorted lists sorted. */
  reschedule(event: StoredEvent, startMs: number, endMs: number): void {
    const list = this.listsOf(event.employerId);
    list.byStart.splice(lowerBound(list.byStart, "startMs", event.startMs, event.uuid), 1);
    list.byEnd.splice(lowerBound(list.byEnd, "endMs", event.endMs, event.uuid), 1);
    event.startMs = startMs;
    event.endMs = endMs;
    list.byStart.splice(lowerBound(list.byStart, "startMs", startMs, event.uuid), 0, event);
    list.byEnd.splice(lowerBound(list.byEnd, "endMs", endMs, event.uuid), 0, event);
  }

  /** Call after giving an event its interviewee or a session, so their links resolve. */
  reindex(event: StoredEvent): void {
    this.index(event);
  }

  byLobbyToken(token: string): { event: StoredEvent; role: LobbyRole } | undefined {
    const found = this.lobbies.get(token);
    const event = found && this.events.get(found.uuid);
    return found && event ? { event, role: found.role } : undefined;
  }

  bySessionId(sessionUuid: string): StoredEvent | undefined {
    const uuid = this.sessions.get(sessionUuid);
    return uuid ? this.events.get(uuid) : undefined;
  }

  load(events: StoredEvent[]): void {
    this.clear();
    this.addMany(events);
  }

  clear(): void {
    this.events.clear();
    this.employers.clear();
    this.lobbies.clear();
    this.sessions.clear();
  }

  private index(event: StoredEvent): void {
    this.events.set(event.uuid, event);
    this.lobbies.set(event.interviewerLobbyToken, { uuid: event.uuid, role: "interviewer" });
    if (event.interviewee)
      this.lobbies.set(event.interviewee.lobbyToken, { uuid: event.uuid, role: "interviewee" });
    for (const session of event.sessions) this.sessions.set(session.uuid, event.uuid);
  }

  private listsOf(employerId: string): EmployerEvents {
    let list = this.employers.get(employerId);
    if (!list) {
      list = { byStart: [], byEnd: [] };
      this.employers.set(employerId, list);
    }
    return list;
  }
}
