import { beforeEach, describe, expect, it, vi } from "vitest";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { loadCalendarFirstPage } from "./first-page";

const executeOperation = vi.fn();
const findLedgerInterviewsByEventIds = vi.fn();
vi.mock("@/lib/operations", () => ({
  executeOperation: (...args: unknown[]) => executeOperation(...args),
}));
vi.mock("@/lib/scheduling/interview-ledger", () => ({
  findLedgerInterviewsByEventIds: (...args: unknown[]) => findLedgerInterviewsByEventIds(...args),
}));

const session = { userId: "u1", employer: { id: "emp-1" } } as unknown as EmployerSession;
const database = {} as Database;
const variables = {
  first: 100,
  after: null,
  input: {
    startTime: { after: "2026-06-15T00:00:00+00:00", before: "2026-06-22T00:00:00+00:00" },
    sort: { field: "START_TIME", direction: "ASC" },
  },
} as const;
const page = {
  totalCount: 2,
  pageInfo: { endCursor: "Yg", hasNextPage: false },
  events: [
    { id: "ev-1", startTime: "2026-06-17T09:00:00Z", endTime: "2026-06-17T10:00:00Z" },
    { id: "not an id!", startTime: "2026-06-17T11:00:00Z", endTime: "2026-06-17T12:00:00Z" },
  ],
};
const row = {
  indeedEventId: "ev-1",
  applicationId: "app-1",
  applicantName: "Amara",
  jobTitle: "Welder",
};

describe("loadCalendarFirstPage", () => {
  beforeEach(() => {
    executeOperation.mockReset();
    findLedgerInterviewsByEventIds.mockReset();
  });

  it("reads the page, then the ledger for its readable ids, and dates the read", async () => {
    executeOperation.mockResolvedValue({ findVirtualInterviewEvents: page });
    findLedgerInterviewsByEventIds.mockResolvedValue([row]);
    const before = Date.now();
    const loaded = await loadCalendarFirstPage(session, database, variables);
    expect(executeOperation).toHaveBeenCalledWith(session, "FindInterviews", variables);
    expect(findLedgerInterviewsByEventIds).toHaveBeenCalledWith(database, "emp-1", ["ev-1"]);
    expect(loaded).toMatchObject({ ok: true, page, ledger: [row] });
    expect(loaded.ok && loaded.fetchedAt).toBeGreaterThanOrEqual(before);
  });

  it("says what Indeed refused, as the browser's error would", async () => {
    executeOperation.mockRejectedValue(new AppError("RECONNECT_REQUIRED"));
    expect(await loadCalendarFirstPage(session, database, variables)).toEqual({
      ok: false,
      error: {
        code: "RECONNECT_REQUIRED",
        message: "Reconnect to Indeed to continue",
        status: 409,
      },
    });
    expect(findLedgerInterviewsByEventIds).not.toHaveBeenCalled();
  });

  it("leaves the ledger to the browser when it cannot be read, and throws what is not Indeed's", async () => {
    executeOperation.mockResolvedValue({ findVirtualInterviewEvents: page });
    findLedgerInterviewsByEventIds.mockRejectedValue(new Error("connection reset"));
    expect(await loadCalendarFirstPage(session, database, variables)).toMatchObject({
      ok: true,
      ledger: null,
    });
    executeOperation.mockRejectedValue(new TypeError("a bug"));
    await expect(loadCalendarFirstPage(session, database, variables)).rejects.toThrow("a bug");
  });
});
