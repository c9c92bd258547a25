import { describe, expect, it } from "vitest";
import { createFollowGate, eventsOfRead, ledgerDifferences } from "./reconcile-ledger";

const row = {
  status: "SCHEDULED",
  title: "Interview with Robin",
  startTime: new Date("2031-05-12T15:00:00Z"),
  endTime: new Date("2031-05-12T16:00:00Z"),
  timezone: "America/New_York",
};

describe("ledgerDifferences", () => {
  it("finds nothing when Indeed says the same, in another spelling of the same instants", () => {
    expect(
      ledgerDifferences(row, {
        id: "e1",
        status: "SCHEDULED",
        title: "Interview with Robin",
        startTime: "2031-05-12T11:00:00-04:00",
        endTime: "2031-05-12T16:00:00+00:00",
        timezone: "America/New_York",
      }),
    ).toEqual({});
  });

  it("reports each field Indeed changed, from and to, and ignores what Indeed left null", () => {
    expect(
      ledgerDifferences(row, {
        id: "e1",
        status: "CANCELED",
        title: null,
        startTime: "2031-05-13T09:00:00+00:00",
        endTime: "2031-05-13T10:00:00+00:00",
        timezone: "Europe/Paris",
      }),
    ).toEqual({
      status: { from: "SCHEDULED", to: "CANCELED" },
      startTime: { from: "2031-05-12T15:00:00.000Z", to: "2031-05-13T09:00:00.000Z" },
      endTime: { from: "2031-05-12T16:00:00.000Z", to: "2031-05-13T10:00:00.000Z" },
      timezone: { from: "America/New_York", to: "Europe/Paris" },
    });
  });
});

describe("eventsOfRead", () => {
  it("takes the events of GetInterviews and FindInterviews answers, skipping nulls", () => {
    expect(
      eventsOfRead({ virtualInterviewEvents: { events: [{ id: "a" }, null, { id: "b" }] } }),
    ).toEqual([{ id: "a" }, { id: "b" }]);
    expect(
      eventsOfRead({ findVirtualInterviewEvents: { totalCount: 1, events: [{ id: "c" }] } }),
    ).toEqual([{ id: "c" }]);
    expect(eventsOfRead({ findVirtualInterviewEvents: null })).toEqual([]);
    expect(eventsOfRead(null)).toEqual([]);
  });
});

describe("createFollowGate", () => {
  const event = {
    id: "e1",
    status: "SCHEDULED",
    title: "Interview with Robin",
    startTime: "2031-05-12T15:00:00Z",
    endTime: "2031-05-12T16:00:00Z",
    timezone: "America/New_York",
  };
  function gateAt(windowMs = 10_000, maxEntries = 100) {
    let clock = 0;
    const gate = createFollowGate({ windowMs, maxEntries, now: () => clock });
    return { gate, advance: (ms: number) => (clock += ms) };
  }

  it("skips an event shown the same way within the window, for that employer only", () => {
    const { gate, advance } = gateAt();
    expect(gate.claim("emp-a", [event])).toEqual([event]);
    advance(9_999);
    expect(gate.claim("emp-a", [event])).toEqual([]);
    expect(gate.claim("emp-b", [event])).toEqual([event]);
  });

  it("gives a read that arrives while an event is compared nothing to compare", () => {
    const { gate } = gateAt();
    const reads = Array.from({ length: 32 }, () => gate.claim("emp-a", [event]));
    expect(reads.filter((claimed) => claimed.length > 0)).toHaveLength(1);
  });

  it("compares again an event whose comparison failed and was released", () => {
    const { gate } = gateAt();
    const other = { ...event, id: "e2" };
    expect(gate.claim("emp-a", [event, other])).toEqual([event, other]);
    gate.release("emp-a", [event]);
    expect(gate.claim("emp-a", [event, other])).toEqual([event]);
  });

  it("follows at once an event whose status, title, times or zone changed", () => {
    const { gate } = gateAt();
    gate.claim("emp-a", [event]);
    for (const change of [
      { status: "CANCELED" },
      { title: "Retitled" },
      { startTime: "2031-05-13T15:00:00Z" },
      { endTime: "2031-05-13T16:00:00Z" },
      { timezone: "Europe/Paris" },
    ]) {
      const changed = { ...event, ...change };
      expect(gate.claim("emp-a", [changed, event])).toEqual([changed]);
      gate.claim("emp-a", [event]); // back to the first shape for the next change
    }
  });

  it("compares again once the window has passed, and at once an event not compared yet", () => {
    const { gate, advance } = gateAt();
    gate.claim("emp-a", [event]);
    advance(10_000);
    expect(gate.claim("emp-a", [event])).toEqual([event]);
    const other = { ...event, id: "e2" };
    expect(gate.claim("emp-a", [other])).toEqual([other]);
  });

  it("keeps at most maxEntries, forgetting the least recently compared", () => {
    const { gate, advance } = gateAt(10_000, 2);
    const [a, b, c] = ["a", "b", "c"].map((id) => ({ ...event, id }));
    gate.claim("emp-a", [a!, b!]);
    advance(10_000);
    gate.claim("emp-a", [a!]);
    gate.claim("emp-a", [c!]);
    expect(gate.claim("emp-a", [a!, b!, c!])).toEqual([b]);
  });
});
