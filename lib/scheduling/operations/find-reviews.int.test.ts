import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecisionsSection } from "@/components/interviews/decisions-section";
import { RecordingsSection } from "@/components/interviews/recordings-section";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
  withoutLedgerHooks,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { reviewEventsVariables } from "@/lib/calendar/find-events-variables";
import { eventDecisions, sessionsOf } from "@/lib/calendar/decisions";
import { reviewQueuePage, type ReviewFilters } from "@/lib/calendar/review-queue";
import { operations } from "@/lib/operations";
import type { OperationResult } from ".";

// The review queue's data path against the sandbox: FindReviews through Lobby's GraphQL route,
// then the queue's own sorting, filters and rows (lib/calendar/review-queue), as /reviews does;
// and GetInterviews into the event page's Recordings and Decisions sections.

const DAY = 24 * 60 * 60 * 1000;
const DANA = "dana@acme-robotics.example";
const IVY = "ivy@acme-robotics.example";
const withoutHooks = withoutLedgerHooks(operations);

type Connection = NonNullable<OperationResult<"FindReviews">["findVirtualInterviewEvents"]>;

describe("FindReviews and the review queue against the sandbox", () => {
  let bed: IndeedTestbed;
  let dana: SignedIn;
  const now = new Date();
  const ids: Record<string, string> = {};

  const control = (path: string, body: unknown) => bed.control<{ id: string }>(path, body);

  /** A past interview of Dana's and Ivy's, held once, with the given recording and decisions. */
  async function pastInterview(
    name: string,
    endedDaysAgo: number,
    recording: "available" | "none" | null,
    decisions: Array<{ interviewerEmail: string; value: string; noteText?: string }> = [],
  ) {
    const end = new Date(now.getTime() - endedDaysAgo * DAY);
    const event = await control("/_sandbox/events", {
      employerId: "emp-acme-robotics",
      organizer: "u-dana",
      title: name,
      startTime: new Date(end.getTime() - 60 * 60_000).toISOString(),
      endTime: end.toISOString(),
      timezone: "America/New_York",
      interviewers: [DANA, IVY],
      interviewee: { name: `${name} Applicant`, email: `${name.toLowerCase()}@example.net` },
    });
    if (recording) {
      await control(`/_sandbox/events/${event.id}/sessions`, {
        recording,
        endedAt: end.toISOString(),
        processingMinutes: 0,
      });
    }
    for (const decision of decisions) {
      await control(`/_sandbox/events/${event.id}/decisions`, decision);
    }
    ids[name] = event.id;
  }

  beforeAll(async () => {
    bed = await startIndeedTestbed({ hooks: false });
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
    await pastInterview("Decided", 2, "available", [
      { interviewerEmail: DANA, value: "YES", noteText: "Clear on trade-offs." },
      { interviewerEmail: IVY, value: "MAYBE", noteText: "Check references." },
    ]);
    await pastInterview("Expiring", 80, "available", [{ interviewerEmail: DANA, value: "NO" }]);
    await pastInterview("Expired", 100, "available");
    await pastInterview("Unrecorded", 1, "none");
    await pastInterview("NotHeld", 3, null);
    // Ends tomorrow: not up for review yet, whatever the range.
    await pastInterview("Tomorrow", -1, null);
  });
  afterAll(async () => {
    await bed?.close();
  });

  async function fetchReviews(): Promise<Connection> {
    // From 120 days back to the day after tomorrow: the variables still stop at `now`.
    const range = {
      from: new Date(now.getTime() - 120 * DAY),
      to: new Date(now.getTime() + 2 * DAY),
    };
    const response = await bed.postGraphql(
      dana.session,
      { operationName: "FindReviews", variables: reviewEventsVariables(range, now, null) },
      { operations: withoutHooks },
    );
    const body = (await response.json()) as {
      data?: OperationResult<"FindReviews">;
      error?: unknown;
    };
    expect(body.error).toBeUndefined();
    expect(response.status).toBe(200);
    return body.data!.findVirtualInterviewEvents!;
  }

  const none: ReviewFilters = { pending: false, recording: false, expiring: false };
  const titles = (connection: Connection, filters: ReviewFilters) =>
    reviewQueuePage(connection.events ?? [], filters, now).rows.map((row) => row.event.title);

  it("lists interviews that ended in the range, newest first, and not one still to come", async () => {
    const connection = await fetchReviews();
    expect(titles(connection, none)).toEqual([
      "Unrecorded",
      "Decided",
      "NotHeld",
      "Expiring",
      "Expired",
    ]);
    expect(connection.totalCount).toBe(5);
  });

  it("brings each session's recording and the decisions with their notes", async () => {
    const connection = await fetchReviews();
    const decided = connection.events?.find((event) => event?.id === ids.Decided);
    expect(decided).toBeDefined();
    const [session] = eventDecisions(decided!);
    expect(session?.decided.map((d) => [d.interviewer.email, d.label, d.note])).toEqual([
      [DANA, "Yes", "Clear on trade-offs."],
      [IVY, "Maybe", "Check references."],
    ]);
    expect(session?.undecided).toEqual([]);

    const rows = reviewQueuePage(connection.events ?? [], none, now).rows;
    const recordingOf = (title: string) => rows.find((row) => row.event.title === title)?.recording;
    expect(recordingOf("Decided")).toMatchObject({ kind: "available", daysLeft: 88 });
    expect(recordingOf("Expiring")).toMatchObject({ kind: "available", daysLeft: 10 });
    expect(recordingOf("Expired")).toMatchObject({ kind: "expired" });
    expect(recordingOf("Unrecorded")).toEqual({ kind: "none" });
  });

  it("filters a fetched page: decision pending, has a recording, expires within 14 days", async () => {
    const connection = await fetchReviews();
    expect(titles(connection, { ...none, pending: true })).toEqual([
      "Unrecorded",
      "Expiring",
      "Expired",
    ]);
    expect(titles(connection, { ...none, recording: true })).toEqual(["Decided", "Expiring"]);
    expect(titles(connection, { ...none, expiring: true })).toEqual(["Expiring"]);
    expect(titles(connection, { pending: true, recording: true, expiring: false })).toEqual([
      "Expiring",
    ]);
  });

  it("works against the guide's schema, where Indeed takes no sort", async () => {
    await control("/_sandbox/schema", { mode: "guide" });
    try {
      const connection = await fetchReviews();
      expect(titles(connection, none)).toEqual([
        "Unrecorded",
        "Decided",
        "NotHeld",
        "Expiring",
        "Expired",
      ]);
    } finally {
      await control("/_sandbox/schema", { mode: "extended" });
    }
  });

  it("gives the event page its recordings and decisions from GetInterviews", async () => {
    const response = await bed.postGraphql(
      dana.session,
      { operationName: "GetInterviews", variables: { ids: [ids.Decided, ids.Expired] } },
      { operations: withoutHooks },
    );
    const { data } = (await response.json()) as { data: OperationResult<"GetInterviews"> };
    const [decided, expired] = data.virtualInterviewEvents?.events ?? [];
    // What the event page renders, as text.
    const page = (event: typeof decided) =>
      renderToStaticMarkup(
        createElement("div", null, [
          createElement(RecordingsSection, {
            key: "r",
            sessions: sessionsOf(event!),
            interviewEnd: event!.endTime ?? null,
            now,
            zone: event!.timezone ?? "UTC",
          }),
          createElement(DecisionsSection, { key: "d", sessions: eventDecisions(event!) }),
        ]),
      )
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");

    const decidedPage = page(decided);
    expect(decidedPage).toContain("Session 1 Watch recording 88 days left");
    expect(decidedPage).toMatch(/Dana[^:]*: Yes Clear on trade-offs\./);
    expect(decidedPage).toMatch(/Ivy[^:]*: Maybe Check references\./);
    expect(decidedPage).not.toContain("Not decided yet");

    const expiredPage = page(expired);
    expect(expiredPage).toContain("Session 1 Recording expired");
    expect(expiredPage).not.toContain("Watch recording");
    expect(expiredPage).toMatch(/No decisions yet\. Not decided yet: .*Dana.*, .*Ivy/);
  });
});
