import { parse } from "csv-parse/sync";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { endSession } from "@/lib/auth/sign-out";
import type { TokenService } from "@/lib/auth/tokens";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  auditEvents,
  authSessions,
  employerMemberships,
  employers,
  indeedConnections,
  interviews,
  users,
} from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { AUDIT_CSV_HEADER } from "./audit-csv";
import { parseAuditFilter, type AuditFilter, type SearchParamsRecord } from "./audit-filter";
import { auditEntryBatches, listAuditEntries, listAuditPeople } from "./audit-log";
import { recordAuditEvent, recordEmployerSwitch } from "./record-audit-event";

// The export route as Next runs it, over a test database, signed in as `state.userId`.
const state = vi.hoisted(() => ({
  handle: undefined as DatabaseHandle | undefined,
  userId: "",
  employerId: "emp-a",
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  db: () => state.handle!.db,
}));
vi.mock("@/lib/auth/load-session", () => ({
  getEmployerSessionFromRequest: async () =>
    fakeEmployerSession({
      userId: state.userId,
      employer: { id: state.employerId, name: state.employerId },
    }),
}));

const { GET } = await import("@/app/(workspace)/audit/export/route");

const ids = {
  ann: "00000000-0000-4000-8000-00000000a001",
  bo: "00000000-0000-4000-8000-00000000b002",
  cy: "00000000-0000-4000-8000-00000000c003",
};

function filterOf(params: SearchParamsRecord): AuditFilter {
  const parsed = parseAuditFilter(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.filter;
}

async function allEntries(employerId: string, filter: AuditFilter) {
  const first = await listAuditEntries(db(), employerId, { ...filter, page: 1 }, 3);
  const entries = [...first.entries];
  for (let page = 2; page <= first.pageCount; page++)
    entries.push(...(await listAuditEntries(db(), employerId, { ...filter, page }, 3)).entries);
  return entries;
}

async function download(query: string) {
  return GET(new Request(`http://localhost:3100/audit/export${query}`), {
    params: Promise.resolve({}),
  });
}

const db = () => state.handle!.db;

beforeAll(async () => {
  state.handle = await createTestDatabase();
  await db()
    .insert(employers)
    .values([
      { id: "emp-a", name: "A" },
      { id: "emp-b", name: "B" },
    ]);
  await db()
    .insert(users)
    .values([
      { id: ids.ann, issuer: "i", subject: "ann", name: "Ann Admin", email: "ann@a.example" },
      // A name a spreadsheet would run as a formula.
      { id: ids.bo, issuer: "i", subject: "bo", name: '=HYPERLINK("x")', email: "bo@a.example" },
      { id: ids.cy, issuer: "i", subject: "cy", name: "Cy Other", email: "cy@b.example" },
    ]);
  await db()
    .insert(employerMemberships)
    .values([
      { userId: ids.ann, employerId: "emp-a", role: "admin" },
      { userId: ids.bo, employerId: "emp-a", role: "member" },
      { userId: ids.cy, employerId: "emp-b", role: "admin" },
    ]);
  const [ledgerRow] = await db()
    .insert(interviews)
    .values({
      employerId: "emp-a",
      indeedEventId: "evt-1",
      title: "Screen",
      startTime: new Date("2026-03-02T10:00:00Z"),
      endTime: new Date("2026-03-02T10:30:00Z"),
      timezone: "UTC",
      status: "SCHEDULED",
    })
    .returning({ id: interviews.id });
  expect(ledgerRow).toBeDefined();

  // emp-a: nine entries over three days; emp-b: one on the same event id and days.
  const entries: [string, string, Parameters<typeof recordAuditEvent>[1]][] = [
    [
      "emp-a",
      "2026-03-01T09:00:00Z",
      {
        employerId: "emp-a",
        userId: ids.ann,
        action: "auth.sign_in",
        subject: { type: "user", id: ids.ann },
      },
    ],
    [
      "emp-a",
      "2026-03-01T09:05:00Z",
      {
        employerId: "emp-a",
        userId: ids.ann,
        action: "interview.create",
        subject: { type: "interview", id: "evt-1" },
        details: { title: "Screen" },
      },
    ],
    [
      "emp-a",
      "2026-03-01T23:59:59Z",
      {
        employerId: "emp-a",
        userId: ids.bo,
        action: "auth.sign_in",
        subject: { type: "user", id: ids.bo },
      },
    ],
    [
      "emp-a",
      "2026-03-02T00:00:00Z",
      {
        employerId: "emp-a",
        userId: ids.bo,
        action: "interview.reschedule",
        subject: { type: "interview", id: "evt-1" },
      },
    ],
    [
      "emp-a",
      "2026-03-02T12:00:00Z",
      {
        employerId: "emp-a",
        userId: ids.ann,
        action: "role.grant_admin",
        subject: { type: "user", id: ids.bo },
      },
    ],
    [
      "emp-a",
      "2026-03-02T13:00:00Z",
      {
        employerId: "emp-a",
        userId: null,
        action: "message.queue",
        subject: { type: "interview", id: "evt-1" },
        details: { kind: "invitation", sequence: 0 },
      },
    ],
    [
      "emp-a",
      "2026-03-03T08:00:00Z",
      {
        employerId: "emp-a",
        userId: ids.bo,
        action: "interview.cancel",
        subject: { type: "interview", id: "evt-1" },
        details: { reason: "=1+1" },
      },
    ],
    [
      "emp-a",
      "2026-03-03T09:00:00Z",
      {
        employerId: "emp-a",
        userId: ids.ann,
        action: "applications.import",
        subject: { type: "employer", id: "emp-a" },
        details: { applications: 3 },
      },
    ],
    [
      "emp-a",
      "2026-03-03T10:00:00Z",
      {
        employerId: "emp-a",
        userId: ids.ann,
        action: "auth.sign_out",
        subject: { type: "user", id: ids.ann },
      },
    ],
    [
      "emp-b",
      "2026-03-02T10:00:00Z",
      {
        employerId: "emp-b",
        userId: ids.cy,
        action: "interview.create",
        subject: { type: "interview", id: "evt-1" },
      },
    ],
  ];
  for (const [, at, entry] of entries) {
    await recordAuditEvent(db(), entry);
    const [last] = await db()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(auditEvents.id)
      .limit(1)
      .offset((await db().$count(auditEvents)) - 1);
    await db()
      .update(auditEvents)
      .set({ createdAt: new Date(at) })
      .where(eq(auditEvents.id, last!.id));
  }
});

afterAll(async () => {
  await state.handle?.close();
});

describe("the audit log's reads", () => {
  it("lists only the employer's entries, oldest first, with who, the words and the links", async () => {
    const { entries, total, pageCount } = await listAuditEntries(db(), "emp-a", filterOf({}));
    expect(total).toBe(9);
    expect(pageCount).toBe(1);
    expect(entries.map((e) => e.action)).toEqual([
      "auth.sign_in",
      "interview.create",
      "auth.sign_in",
      "interview.reschedule",
      "role.grant_admin",
      "message.queue",
      "interview.cancel",
      "applications.import",
      "auth.sign_out",
    ]);
    expect(entries[1]).toMatchObject({
      actionLabel: "Scheduled an interview",
      person: { id: ids.ann, name: "Ann Admin", email: "ann@a.example" },
      eventId: "evt-1",
      subjectPerson: null,
    });
    expect(entries[4]).toMatchObject({ subjectPerson: { email: "bo@a.example" } });
    expect(entries[5]!.person).toBeNull();
    const other = await listAuditEntries(db(), "emp-b", filterOf({}));
    expect(other.entries.map((e) => e.person?.id)).toEqual([ids.cy]);
  });

  it("filters by whole UTC days, person and event, and orders newest first on request", async () => {
    const day = await listAuditEntries(
      db(),
      "emp-a",
      filterOf({ from: "2026-03-01", to: "2026-03-01" }),
    );
    expect(day.entries.map((e) => e.action)).toEqual([
      "auth.sign_in",
      "interview.create",
      "auth.sign_in",
    ]);
    const bo = await listAuditEntries(db(), "emp-a", filterOf({ person: ids.bo, order: "newest" }));
    expect(bo.entries.map((e) => e.action)).toEqual([
      "interview.cancel",
      "interview.reschedule",
      "auth.sign_in",
    ]);
    const event = await listAuditEntries(
      db(),
      "emp-a",
      filterOf({ event: "evt-1", from: "2026-03-02" }),
    );
    expect(event.entries.map((e) => e.action)).toEqual([
      "interview.reschedule",
      "message.queue",
      "interview.cancel",
    ]);
    // Another employer's person shows nothing here, even on the same event id.
    expect((await listAuditEntries(db(), "emp-a", filterOf({ person: ids.cy }))).total).toBe(0);
  });

  it("pages through the same entries as one read, and in batches along the id", async () => {
    const filter = filterOf({ order: "newest" });
    const paged = await allEntries("emp-a", filter);
    const batched = [];
    for await (const batch of auditEntryBatches(db(), "emp-a", filter, 2)) batched.push(...batch);
    expect(paged.map((e) => e.id)).toEqual(batched.map((e) => e.id));
    expect(paged).toHaveLength(9);
  });

  it("offers the employer's own people in the person filter", async () => {
    expect((await listAuditPeople(db(), "emp-a")).map((p) => p.id).sort()).toEqual(
      [ids.ann, ids.bo].sort(),
    );
  });
});

describe("GET /audit/export", () => {
  it("is the filtered list exactly, every page, formula-safe, for an admin", async () => {
    state.userId = ids.ann;
    const filters: Record<string, string>[] = [
      {},
      { from: "2026-03-02", order: "newest" },
      { person: ids.bo },
      { event: "evt-1", page: "2" },
    ];
    for (const params of filters) {
      const response = await download(`?${new URLSearchParams(params)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const [header, ...rows] = parse(await response.text()) as string[][];
      expect(header).toEqual([...AUDIT_CSV_HEADER]);
      const expected = await allEntries("emp-a", filterOf(params));
      expect(rows.map((row) => Number(row[0]))).toEqual(expected.map((e) => e.id));
      expect(rows.map((row) => row[4])).toEqual(expected.map((e) => e.action));
      expect(rows.map((row) => row[1])).toEqual(expected.map((e) => e.at.toISOString()));
    }
    const all = parse(await (await download("")).text()) as string[][];
    const boRow = all.find((row) => row[3] === "bo@a.example")!;
    expect(boRow[2]).toBe('\'=HYPERLINK("x")');
  });

  it("refuses a member (403) and a bad filter (400), and never shows another employer's entries", async () => {
    state.userId = ids.bo;
    const refused = await download("");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });

    state.userId = ids.ann;
    const bad = await download("?from=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "INVALID_REQUEST", fieldErrors: { from: "Enter a date as YYYY-MM-DD" } },
    });

    state.userId = ids.cy;
    state.employerId = "emp-b";
    try {
      const rows = parse(await (await download("")).text()) as string[][];
      expect(rows.slice(1).map((row) => row[3])).toEqual(["cy@b.example"]);
    } finally {
      state.employerId = "emp-a";
    }
  });
});

describe("sign-out and employer switch in the log", () => {
  it("writes a sign-out once, for the employer the session acted for", async () => {
    const [connection] = await db()
      .insert(indeedConnections)
      .values({ userId: ids.bo, employerId: "emp-a", scope: "x" })
      .returning({ id: indeedConnections.id });
    const [session] = await db()
      .insert(authSessions)
      .values({
        userId: ids.bo,
        connectionId: connection!.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .returning({ id: authSessions.id });
    const claims = { sessionId: session!.id, connectionId: connection!.id };
    // Only the session and its audit entry are this test's; the tokens' end is tokens' tests'.
    const tokens = { disconnect: async () => undefined } as unknown as TokenService;
    await endSession(claims, { db: db(), tokens });
    await endSession(claims, { db: db(), tokens });
    const rows = await db()
      .select({ employerId: auditEvents.employerId, userId: auditEvents.userId })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_out"));
    expect(rows).toContainEqual({ employerId: "emp-a", userId: ids.bo });
    expect(rows.filter((r) => r.userId === ids.bo)).toHaveLength(1);
  });

  it("writes a switch in both employers' logs, neither naming the other", async () => {
    await recordEmployerSwitch(db(), { userId: ids.cy, from: "emp-b", to: "emp-a" });
    const rows = await db()
      .select({
        employerId: auditEvents.employerId,
        action: auditEvents.action,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ["auth.employer_switch_out", "auth.employer_switch_in"]));
    expect(rows).toEqual([
      { employerId: "emp-b", action: "auth.employer_switch_out", details: {} },
      { employerId: "emp-a", action: "auth.employer_switch_in", details: {} },
    ]);
  });
});
