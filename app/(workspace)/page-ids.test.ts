import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";

const { executeOperation, findApplication } = vi.hoisted(() => ({
  executeOperation: vi.fn(async () => ({ virtualInterviewEvents: { events: [] } })),
  findApplication: vi.fn(async () => undefined),
}));
vi.mock("@/lib/auth/current-session", () => ({
  requireEmployerSession: async () => fakeEmployerSession(),
}));
vi.mock("@/lib/operations", () => ({ executeOperation }));
vi.mock("@/lib/ats/application-queries", () => ({ findApplication }));
vi.mock("@/lib/db/client", () => ({ db: () => ({}) }));

const { default: InterviewPage } = await import("./(without-react-query)/interviews/[id]/page");
const { default: ApplicationPage } = await import("./applications/[id]/page");

const HOSTILE = ["%", "%zz", "%00", "a".repeat(5_000), "x%0Ay", "<b>"];

async function statusOf(render: Promise<unknown>): Promise<string> {
  try {
    await render;
    return "rendered";
  } catch (error) {
    return String((error as { digest?: string }).digest ?? (error as Error).message);
  }
}

describe("workspace pages with a bad id in the URL", () => {
  it.each(HOSTILE)("/interviews/%s is a 404 and never asks Indeed", async (id) => {
    executeOperation.mockClear();
    expect(await statusOf(InterviewPage({ params: Promise.resolve({ id }) }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(executeOperation).not.toHaveBeenCalled();
  });

  it.each(HOSTILE)("/applications/%s is a 404 and never queries the database", async (id) => {
    findApplication.mockClear();
    expect(await statusOf(ApplicationPage({ params: Promise.resolve({ id }) }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(findApplication).not.toHaveBeenCalled();
  });

  it("asks Indeed for a well-formed interview id, decoded once", async () => {
    executeOperation.mockClear();
    await statusOf(InterviewPage({ params: Promise.resolve({ id: "abc%3D%3D" }) }));
    expect(executeOperation).toHaveBeenCalledWith(expect.anything(), "GetInterviews", {
      ids: ["abc=="],
    });
  });
});
