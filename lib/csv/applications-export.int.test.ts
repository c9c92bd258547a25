import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { importApplications } from "@/lib/ats/import-applications";
import type { DatabaseHandle } from "@/lib/db/client";
import { employers } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { parseCsv } from "@/lib/ats/parse-csv";

// The route as Next runs it, over a test database, signed in as whoever `signedIn` names.
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

const { GET } = await import("@/app/(workspace)/applications/export/route");

const HEADER = "application_id,applicant_name,applicant_email,job_id,job_title";
const csvOf = (rows: string[]) => [HEADER, ...rows].join("\n");

beforeAll(async () => {
  state.handle = await createTestDatabase();
  await state.handle.db.insert(employers).values([
    { id: "emp-a", name: "A" },
    { id: "emp-b", name: "B" },
  ]);
  const a = await importApplications(
    state.handle.db,
    { userId: null, employerId: "emp-a" },
    csvOf([
      "A-1,Amara Okafor,amara@example.com,J-1,Welder",
      'A-2,"=HYPERLINK(""http://evil.example"",""x"")",evil@example.com,J-2,@SUM(A1)',
      "A-3,Ben Lee,ben@example.com,J-1,Welder",
    ]),
  );
  const b = await importApplications(
    state.handle.db,
    { userId: null, employerId: "emp-b" },
    csvOf(["B-1,Other Employer Person,secret@example.com,J-1,Welder"]),
  );
  expect(a.ok && b.ok).toBe(true);
});

afterAll(async () => {
  await state.handle?.close();
});

async function download(query = "") {
  return GET(new Request(`http://localhost:3000/applications/export${query}`));
}

describe("GET /applications/export", () => {
  it("returns only the signed-in employer's applications, formula-safe, as a dated attachment", async () => {
    state.employerId = "emp-a";
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="applications-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const rows = parseCsv(text).map((row) => row.cells);
    expect(rows[0]).toEqual([...HEADER.split(","), "stage", "applied_at"]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["A-1", "A-2", "A-3"]);
    expect(text).not.toContain("B-1");
    expect(text).not.toContain("secret@example.com");
    const evil = rows.find((r) => r[0] === "A-2")!;
    expect(evil[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(evil[4]).toBe("'@SUM(A1)");
  });

  it("applies the list's filters", async () => {
    state.employerId = "emp-a";
    const rows = parseCsv(await (await download("?q=ben")).text()).map((row) => row.cells);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["A-3"]);
  });

  it("gives the other employer only its own row", async () => {
    state.employerId = "emp-b";
    const rows = parseCsv(await (await download()).text()).map((row) => row.cells);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["B-1"]);
  });

  it("answers 401 without a session", async () => {
    state.employerId = null;
    const response = await download();
    expect(response.status).toBe(401);
  });
});
