import { describe, expect, it } from "vitest";
import { eventsOfRead, ledgerDifferences } from "./reconcile-ledger";

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
