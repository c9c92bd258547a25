import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { config } from "@/lib/config";
import type { DatabaseHandle } from "@/lib/db/client";
import { applications, employers, interviews, jobs } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";

// The route as Next runs it, over a test database, signed in as whoever `state` names.
const state = vi.hoisted(() => ({
  handle: undefined as DatabaseHandle | undefined,
  employerId: "emp-a" as string | null,
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  db: () => state.handle!.db,
}));
vi.mock("@/lib/auth/load-session", () => ({
  getEmployerSessionFromRequest: async () =>
    state.employerId
      ? fakeEmployerSession({ employer: { id: state.employerId, name: state.employerId } })
      : null,
}));

const { POST } = await import("@/app/api/interviews/ledger/route");

beforeAll(async () => {
  state.handle = await createTestDatabase();
  const { db } = state.handle;
  await db.insert(employers).values([
    { id: "emp-a", name: "A" },
    { id: "emp-b", name: "B" },
  ]);
  const [job] = await db
    .insert(jobs)
    .values({ employerId: "emp-a", externalId: "J-1", title: "Welder" })
    .returning();
  const [application] = await db
    .insert(applications)
    .values({
      employerId: "emp-a",
      jobId: job!.id,
      externalId: "A-1",
      applicantName: "Amara Okafor",
      applicantEmail: "amara@example.com",
    })
    .returning();
  const row = (employerId: string, indeedEventId: string, applicationId?: string) => ({
    employerId,
    indeedEventId,
    applicationId,
    title: "Interview",
    startTime: new Date("2031-05-05T09:00:00Z"),
    endTime: new Date("2031-05-05T10:00:00Z"),
    timezone: "UTC",
    status: "SCHEDULED",
  });
  await db.insert(interviews).values([row("emp-a", "ev-a", application!.id), row("emp-b", "ev-b")]);
});

afterAll(async () => {
  await state.handle?.close();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request(`${config().appUrl}/api/interviews/ledger`, {
      method: "POST",
      headers: { origin: config().appUrl, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("POST /api/interviews/ledger", () => {
  it("answers what the ledger knows of the employer's own events only", async () => {
    state.employerId = "emp-a";
    const response = await post({ eventIds: ["ev-a", "ev-b", "ev-unknown"] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      interviews: [
        {
          indeedEventId: "ev-a",
          applicationId: expect.any(String),
          applicantName: "Amara Okafor",
          jobTitle: "Welder",
        },
      ],
    });

    state.employerId = "emp-b";
    const other = (await (await post({ eventIds: ["ev-a", "ev-b"] })).json()) as {
      interviews: { indeedEventId: string }[];
    };
    expect(other.interviews.map((row) => row.indeedEventId)).toEqual(["ev-b"]);
  });

  it.each([
    ["no ids", { eventIds: [] }, 400],
    ["too many ids", { eventIds: Array.from({ length: 101 }, (_, i) => `ev-${i}`) }, 400],
    ["an id that is no event id", { eventIds: ["<script>"] }, 400],
    ["extra fields", { eventIds: ["ev-a"], employerId: "emp-b" }, 400],
    ["broken JSON", "{", 400],
  ])("refuses %s with a 4xx, not a 500", async (_name, body, status) => {
    state.employerId = "emp-a";
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "INVALID_REQUEST",
    );
  });

  it("refuses other sites, other content types, large bodies and no session", async () => {
    state.employerId = "emp-a";
    expect((await post({ eventIds: ["ev-a"] }, { origin: "https://evil.example" })).status).toBe(
      403,
    );
    expect((await post({ eventIds: ["ev-a"] }, { "content-type": "text/plain" })).status).toBe(415);
    expect((await post({ eventIds: ["ev-a"], pad: "x".repeat(40_000) })).status).toBe(413);
    state.employerId = null;
    expect((await post({ eventIds: ["ev-a"] })).status).toBe(401);
  });
});
