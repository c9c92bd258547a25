import { isValidElement, type ReactElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { AppError } from "@/lib/http/app-error";
import type { ReviewQueueProps } from "@/components/reviews/review-queue";

const { executeOperation, findLedgerInterviewsByEventIds } = vi.hoisted(() => ({
  executeOperation: vi.fn(),
  findLedgerInterviewsByEventIds: vi.fn(),
}));
vi.mock("@/lib/auth/current-session", () => ({
  requireEmployerSession: async () => fakeEmployerSession(),
}));
vi.mock("@/lib/operations", () => ({ executeOperation }));
vi.mock("@/lib/scheduling/interview-ledger", () => ({ findLedgerInterviewsByEventIds }));
vi.mock("@/lib/db/client", () => ({ db: () => ({}) }));
vi.mock("@/lib/calendar/server-zone", () => ({ serverCalendarZone: async () => "UTC" }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const { default: ReviewsPage } = await import("./page");

const ENDED = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();

function connection(events: unknown[], endCursor: string | null = null) {
  return {
    findVirtualInterviewEvents: {
      totalCount: events.length,
      pageInfo: { endCursor, hasNextPage: endCursor !== null },
      events,
    },
  };
}

async function render(query: Record<string, string | string[]>) {
  return (await ReviewsPage({ searchParams: Promise.resolve(query) })) as ReactElement<unknown>;
}

async function outcome(query: Record<string, string | string[]>): Promise<string> {
  try {
    await render(query);
    return "rendered";
  } catch (error) {
    return String((error as { digest?: string }).digest ?? (error as Error).message);
  }
}

beforeEach(() => {
  executeOperation.mockReset();
  findLedgerInterviewsByEventIds.mockReset().mockResolvedValue([]);
});

describe("/reviews", () => {
  it("asks Indeed for the first page when the URL holds nonsense, and shows the queue", async () => {
    executeOperation.mockResolvedValue(connection([{ id: "e1", endTime: ENDED }], "Y3Vyc29y"));
    const element = await render({ range: "next-year", pending: "yes", cursor: "<script>" });
    const [, name, variables] = executeOperation.mock.calls[0]!;
    expect(name).toBe("FindReviews");
    expect(variables).toMatchObject({ first: 100, after: null });
    expect(variables.input.sort).toEqual({ field: "END_TIME", direction: "DESC" });
    const props = element.props as ReviewQueueProps;
    expect(props.state).toMatchObject({ range: { preset: "last-30-days" }, pending: false });
    expect(props.page.rows.map((row) => row.event.id)).toEqual(["e1"]);
    expect(props.nextCursor).toBe("Y3Vyc29y");
  });

  it("asks the ledger only about the rows that passed the filters", async () => {
    executeOperation.mockResolvedValue(
      connection([
        {
          id: "recorded",
          endTime: ENDED,
          intervieweesConnection: {
            interviewees: [
              { interviewRecordsConnection: { records: [{ recordingUrl: "https://r/1" }] } },
            ],
          },
        },
        { id: "bare", endTime: ENDED },
      ]),
    );
    findLedgerInterviewsByEventIds.mockResolvedValue([
      { indeedEventId: "recorded", applicationId: "app-1", applicantName: "Amara Okafor" },
    ]);
    const props = (await render({ recording: "1" })).props as ReviewQueueProps;
    expect(findLedgerInterviewsByEventIds.mock.calls[0]?.[2]).toEqual(["recorded"]);
    expect(props.applicants.get("recorded")?.applicantName).toBe("Amara Okafor");
  });

  it("explains an Indeed failure instead of failing the page", async () => {
    executeOperation.mockRejectedValue(new AppError("RATE_LIMITED", "Try again in 30 seconds"));
    const element = await render({});
    expect(isValidElement(element)).toBe(true);
    expect(element.props).toEqual({ code: "RATE_LIMITED", message: "Try again in 30 seconds" });
  });

  it("starts again from the first page when Indeed refuses an old cursor", async () => {
    executeOperation.mockRejectedValue(new AppError("BAD_USER_INPUT"));
    expect(await outcome({ pending: "1", cursor: "b2xk" })).toBe(
      "NEXT_REDIRECT;replace;/reviews?pending=1;307;",
    );
  });
});
