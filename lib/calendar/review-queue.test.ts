import { describe, expect, it } from "vitest";
import { matchesReviewFilters, type ReviewEventFields, reviewQueuePage } from "./review-queue";
import { calendarRange } from "./range";

const NOW = new Date("2026-06-20T12:00:00Z");
const ana = { id: "acc-ana", email: "ana@example.com", name: "Ana" };
const bo = { id: null, email: "Bo@Example.com", name: null };

function event({
  endTime = "2026-06-19T10:00:00Z",
  recordingUrl = null as string | null,
  decided = [] as Array<{ id?: string | null; email?: string | null }>,
  sessions = 1,
}): ReviewEventFields {
  return {
    endTime,
    interviewersConnection: { interviewers: [ana, bo, null] },
    intervieweesConnection: {
      interviewees: [
        {
          interviewRecordsConnection: {
            records: Array.from({ length: sessions }, () => ({
              recordingUrl,
              interviewOutcomesConnection: {
                outcomes: decided.map((interviewer) => ({
                  interviewer,
                  decision: { value: "YES" },
                })),
              },
            })),
          },
        },
      ],
    },
  };
}

const none = { pending: false, recording: false, expiring: false };

describe("matchesReviewFilters", () => {
  it("passes everything with no filter on", () => {
    expect(matchesReviewFilters({}, none, NOW)).toBe(true);
  });

  it("keeps pending decisions only for interviews that were held", () => {
    const pending = { ...none, pending: true };
    expect(matchesReviewFilters(event({ decided: [ana] }), pending, NOW)).toBe(true);
    expect(matchesReviewFilters(event({ decided: [ana, bo] }), pending, NOW)).toBe(false);
    expect(matchesReviewFilters(event({ sessions: 0 }), pending, NOW)).toBe(false);
  });

  it("keeps watchable recordings, and those expiring within 14 days", () => {
    const recording = { ...none, recording: true };
    const expiring = { ...none, expiring: true };
    const fresh = event({ recordingUrl: "https://r/1" });
    const old = event({ recordingUrl: "https://r/2", endTime: "2026-03-30T10:00:00Z" }); // 82 days
    const gone = event({ recordingUrl: "https://r/3", endTime: "2026-03-01T10:00:00Z" });
    expect(
      [fresh, old, gone, event({})].map((e) => matchesReviewFilters(e, recording, NOW)),
    ).toEqual([true, true, false, false]);
    expect([fresh, old, gone].map((e) => matchesReviewFilters(e, expiring, NOW))).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe("reviewQueuePage", () => {
  const titled = (id: string, options: Parameters<typeof event>[0]) => ({ id, ...event(options) });

  it("sorts the page newest end first, keeps what matches, and counts what Indeed sent", () => {
    const page = reviewQueuePage(
      [
        titled("older", { endTime: "2026-06-10T10:00:00Z", decided: [ana] }),
        null,
        titled("newer", { endTime: "2026-06-18T10:00:00Z", decided: [] }),
        titled("done", { endTime: "2026-06-15T10:00:00Z", decided: [ana, bo] }),
      ],
      { ...none, pending: true },
      NOW,
    );
    expect(page.fetched).toBe(4);
    expect(page.rows.map((row) => row.event.id)).toEqual(["newer", "older"]);
  });

  it("names each decision so far and who has not decided", () => {
    const [row] = reviewQueuePage([titled("a", { decided: [ana] })], none, NOW).rows;
    expect(row?.decisions).toEqual([{ name: "Ana", label: "Yes" }]);
    expect(row?.undecided).toEqual(["Bo@Example.com"]);
    expect(row?.held).toBe(true);
  });

  it("gives the recording's days left, expired, or none", () => {
    const rows = reviewQueuePage(
      [
        titled("fresh", { endTime: "2026-06-19T10:00:00Z", recordingUrl: "https://r/1" }),
        titled("gone", { endTime: "2026-03-01T10:00:00Z", recordingUrl: "https://r/2" }),
        titled("none", { endTime: "2026-06-01T10:00:00Z" }),
      ],
      none,
      NOW,
    ).rows;
    expect(rows.map((row) => row.recording.kind)).toEqual(["available", "none", "expired"]);
    expect(rows[0]?.recording).toMatchObject({ kind: "available", daysLeft: 88 });
  });
});

describe("calendarRange for the review queue", () => {
  it("ends a preset with today in the zone, and takes a custom range's days as given", () => {
    const last7 = calendarRange({ range: { preset: "last-7-days" } }, "Asia/Kolkata", NOW);
    expect([last7.firstDay, last7.lastDay]).toEqual(["2026-06-14", "2026-06-20"]);
    expect(last7.from.toISOString()).toBe("2026-06-13T18:30:00.000Z");
    const custom = calendarRange(
      { range: { preset: "custom", from: "2026-05-01", to: "2026-05-31" } },
      "UTC",
      NOW,
    );
    expect([custom.from.toISOString(), custom.to.toISOString()]).toEqual([
      "2026-05-01T00:00:00.000Z",
      "2026-06-01T00:00:00.000Z",
    ]);
  });
});
