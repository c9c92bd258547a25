import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StoredEvent } from "./event-model";
import { EventStore } from "./event-store";
import { findEvents, type FindQuery } from "./find-events";
import { decodeCursor, encodeCursor } from "./page-cursor";

const HOUR = 3_600_000;
const T0 = Date.UTC(2030, 0, 1);

function event(
  employerId: string,
  startHour: number,
  hours = 1,
  status: StoredEvent["status"] = "SCHEDULED",
): StoredEvent {
  return {
    uuid: randomUUID(),
    employerId,
    createdByUserId: "u",
    createdByClientId: "c",
    status,
    mediaType: "VIDEO",
    title: `at ${startHour}`,
    startMs: T0 + startHour * HOUR,
    endMs: T0 + (startHour + hours) * HOUR,
    timezone: "UTC",
    languageCode: null,
    countryCode: null,
    interviewers: [],
    interviewee: null,
    requestMetadata: { atsName: "t", employerName: null, jobId: null, jobTitle: null },
    interviewerLobbyToken: randomUUID(),
    sessions: [],
    createdAt: 0,
    updatedAt: 0,
    canceledAt: null,
    sequence: 0,
    reminderSentForStartMs: null,
  };
}

function query(overrides: Partial<FindQuery> = {}): FindQuery {
  return { sortField: "START_TIME", direction: "ASC", first: 10, after: null, ...overrides };
}

function storeWith(hours: number[], employerId = "emp-a"): EventStore {
  const store = new EventStore();
  store.addMany(hours.map((h, i) => event(employerId, h, 1 + (i % 3))));
  return store;
}

const titles = (events: StoredEvent[]) => events.map((e) => e.title);

describe("findEvents", () => {
  it("filters start times with after inclusive and before exclusive", () => {
    const store = storeWith([5, 1, 3, 2, 4]);
    const found = findEvents(
      store.employerEvents("emp-a"),
      query({ start: { after: T0 + 2 * HOUR, before: T0 + 4 * HOUR } }),
    );
    expect(titles(found.events)).toEqual(["at 2", "at 3"]);
    expect(found.totalCount).toBe(2);
  });

  it("filters on end time, alone or with start time", () => {
    const store = new EventStore();
    store.addMany([
      event("emp-a", 0, 1),
      event("emp-a", 1, 10),
      event("emp-a", 3, 1),
      event("emp-a", 8, 2),
    ]);
    const lists = store.employerEvents("emp-a");
    expect(
      titles(
        findEvents(lists, query({ end: { after: T0 + 4 * HOUR, before: T0 + 12 * HOUR } })).events,
      ),
    ).toEqual(["at 1", "at 3", "at 8"]);
    expect(
      titles(
        findEvents(
          lists,
          query({ start: { after: T0 + 2 * HOUR }, end: { before: T0 + 5 * HOUR } }),
        ).events,
      ),
    ).toEqual(["at 3"]);
  });

  it("sorts by end time, status and media type in both directions", () => {
    const store = new EventStore();
    store.addMany([event("emp-a", 0, 5), event("emp-a", 1, 1, "CANCELED"), event("emp-a", 2, 1)]);
    const lists = store.employerEvents("emp-a");
    expect(titles(findEvents(lists, query({ sortField: "END_TIME" })).events)).toEqual([
      "at 1",
      "at 2",
      "at 0",
    ]);
    expect(
      titles(findEvents(lists, query({ sortField: "END_TIME", direction: "DESC" })).events),
    ).toEqual(["at 0", "at 2", "at 1"]);
    expect(titles(findEvents(lists, query({ sortField: "STATUS" })).events)).toEqual([
      "at 1",
      "at 0",
      "at 2",
    ]);
    expect(
      titles(findEvents(lists, query({ sortField: "STATUS", direction: "DESC" })).events),
    ).toEqual(["at 2", "at 0", "at 1"]);
    expect(titles(findEvents(lists, query({ sortField: "MEDIA_TYPE" })).events)).toEqual([
      "at 0",
      "at 1",
      "at 2",
    ]);
    expect(titles(findEvents(lists, query({ direction: "DESC" })).events)).toEqual([
      "at 2",
      "at 1",
      "at 0",
    ]);
  });

  it("pages with cursors through everything exactly once", () => {
    const store = storeWith(Array.from({ length: 23 }, (_, i) => i));
    const lists = store.employerEvents("emp-a");
    for (const direction of ["ASC", "DESC"] as const) {
      const seen: string[] = [];
      let after: FindQuery["after"] = null;
      for (;;) {
        const afterEvent: StoredEvent | undefined = after ? store.get(after.uuid) : undefined;
        const page = findEvents(lists, query({ first: 5, after, afterEvent, direction }));
        seen.push(...titles(page.events));
        const last = page.events.at(-1);
        if (!last || page.offset + page.events.length >= page.totalCount) break;
        after = decodeCursor(
          encodeCursor({ uuid: last.uuid, offset: page.offset + page.events.length - 1 }),
        );
      }
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
    }
  });

  it("keeps a cursor on its event when earlier events are added", () => {
    const store = storeWith([10, 11, 12, 13]);
    const lists = store.employerEvents("emp-a");
    const first = findEvents(lists, query({ first: 2 }));
    const anchor = first.events[1]!;
    store.add(event("emp-a", 1));
    const next = findEvents(
      lists,
      query({ first: 2, after: { uuid: anchor.uuid, offset: 1 }, afterEvent: anchor }),
    );
    expect(titles(next.events)).toEqual(["at 12", "at 13"]);
  });

  it("falls back to the offset when the cursor's event is unknown", () => {
    const store = storeWith([0, 1, 2, 3, 4, 5, 6]);
    const page = findEvents(
      store.employerEvents("emp-a"),
      query({ after: { uuid: randomUUID(), offset: 4 } }),
    );
    expect(titles(page.events)).toEqual(["at 5", "at 6"]);
    expect(page.offset).toBe(5);
  });

  it("never mixes employers", () => {
    const store = storeWith([1, 2, 3]);
    store.addMany([event("emp-b", 1)]);
    expect(findEvents(store.employerEvents("emp-b"), query()).totalCount).toBe(1);
    expect(findEvents(store.employerEvents("emp-c"), query()).totalCount).toBe(0);
  });

  it("keeps both indexes sorted across reschedules", () => {
    const store = storeWith([1, 2, 3]);
    const moved = store.employerEvents("emp-a").byStart[0]!;
    store.reschedule(moved, T0 + 10 * HOUR, T0 + 11 * HOUR);
    const lists = store.employerEvents("emp-a");
    expect(lists.byStart.map((e) => e.startMs)).toEqual(
      [...lists.byStart.map((e) => e.startMs)].sort((a, b) => a - b),
    );
    expect(lists.byEnd.map((e) => e.endMs)).toEqual(
      [...lists.byEnd.map((e) => e.endMs)].sort((a, b) => a - b),
    );
    expect(lists.byStart.at(-1)).toBe(moved);
  });
});
