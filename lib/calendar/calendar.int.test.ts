import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { parseCsv } from "@/lib/ats/parse-csv";
import { applications, interviews, jobs } from "@/lib/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { OperationResult } from "@/lib/scheduling/operations";
import { calendarQuery } from "./calendar-query";
import { calendarCsvStream, type CalendarExportDeps } from "./export-csv";
import { ledgerDetailsFor } from "./ledger-route";
import { parseCalendarSearchParams } from "./search-params";

const DANA = "dana@acme-robotics.example";
const RANGE = "range=custom&from=2031-05-05&to=2031-05-09";
const FROM = Date.parse("2031-05-05T00:00:00Z");
const TO = Date.parse("2031-05-10T00:00:00Z");

describe(`the calendar against the sandbox (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: IndeedTestbed;
  let dana: SignedIn;
  let sam: SignedIn;
  const ids: Record<string, string> = {};

  const control = (path: string, body: unknown) => bed.control<{ id?: string }>(path, body);

  async function createEvent(
    name: string,
    employerId: string,
    organizer: string,
    startTime: string,
    endTime: string,
  ) {
    const event = await control("/_sandbox/events", {
      employerId,
      organizer,
      title: name,
      startTime,
      endTime,
      timezone: "America/New_York",
      interviewers: [organizer],
    });
    ids[name] = event.id!;
  }

  beforeAll(async () => {
    bed = await startIndeedTestbed({ hooks: false, sleep: async () => undefined });
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
    sam = await bed.signIn("u-sam", "emp-initech-foods");

    // 250 interviews spread over the five days (Dana, Acme's first member, interviews them all).
    await control("/_sandbox/events/bulk", {
      employerId: "emp-acme-robotics",
      count: 250,
      from: "2031-05-05T00:00:00Z",
      days: 5,
    });
    await createEvent(
      "at the start",
      "emp-acme-robotics",
      DANA,
      "2031-05-05T00:00:00Z",
      "2031-05-05T00:30:00Z",
    );
    await createEvent(
      "at the end",
      "emp-acme-robotics",
      DANA,
      "2031-05-10T00:00:00Z",
      "2031-05-10T00:30:00Z",
    );
    await createEvent(
      "across the start",
      "emp-acme-robotics",
      DANA,
      "2031-05-04T23:30:00Z",
      "2031-05-05T00:15:00Z",
    );
    await createEvent(
      "Initech's",
      "emp-initech-foods",
      "sam@initech-foods.example",
      "2031-05-06T15:00:00Z",
      "2031-05-06T16:00:00Z",
    );

    // The ledger knows one interview of each employer.
    const [acmeJob] = await bed.handle.db
      .insert(jobs)
      .values({ employerId: "emp-acme-robotics", externalId: "J-1", title: "Robotics engineer" })
      .returning();
    const [amara] = await bed.handle.db
      .insert(applications)
      .values({
        employerId: "emp-acme-robotics",
        jobId: acmeJob!.id,
        externalId: "A-1",
        applicantName: "Amara Okafor",
        applicantEmail: "amara@example.com",
      })
      .returning();
    const ledgerRow = (employerId: string, indeedEventId: string, applicationId?: string) => ({
      employerId,
      indeedEventId,
      applicationId,
      title: "t",
      startTime: new Date(FROM),
      endTime: new Date(FROM + 1_800_000),
      timezone: "UTC",
      status: "SCHEDULED",
    });
    await bed.handle.db
      .insert(interviews)
      .values([
        ledgerRow("emp-acme-robotics", ids["at the start"]!, amara!.id),
        ledgerRow("emp-initech-foods", ids["Initech's"]!),
      ]);
  });
  afterEach(async () => {
    await control("/_sandbox/faults/graphql/clear", {});
  });
  afterAll(async () => {
    await bed?.close();
  });

  function exportDeps(session = dana.session): CalendarExportDeps {
    return {
      findPage: async (variables) =>
        (
          (await bed.client.execute(
            session,
            "FindInterviews",
            variables,
          )) as OperationResult<"FindInterviews">
        ).findVirtualInterviewEvents,
      ledger: (eventIds) => ledgerDetailsFor(bed.handle.db, session.employer.id, eventIds),
      appUrl: "http://lobby.test",
      log: () => undefined,
    };
  }

  async function exportRows(query: string) {
    const state = parseCalendarSearchParams(new URLSearchParams(query));
    const { range } = calendarQuery(state, "UTC", new Date());
    const { stream, totalCount } = await calendarCsvStream(exportDeps(), state, range);
    const [header, ...rows] = parseCsv(await new Response(stream).text());
    const column = (name: string) => header!.cells.indexOf(name);
    return { rows: rows.map((row) => row.cells), totalCount, column };
  }

  it("exports every page of exactly the range: the first instant in, the end out", async () => {
    const { rows, totalCount, column } = await exportRows(RANGE);
    expect(totalCount).toBe(251);
    expect(rows).toHaveLength(251);
    const eventIds = rows.map((row) => row[column("event_id")]);
    expect(new Set(eventIds).size).toBe(251);
    expect(eventIds).toContain(ids["at the start"]);
    expect(eventIds).not.toContain(ids["at the end"]);
    expect(eventIds).not.toContain(ids["across the start"]);
    expect(eventIds).not.toContain(ids["Initech's"]);
    for (const row of rows) {
      const start = Date.parse(row[column("start")]!);
      expect(start).toBeGreaterThanOrEqual(FROM);
      expect(start).toBeLessThan(TO);
    }
    // In the calendar's order: by start time.
    const starts = rows.map((row) => Date.parse(row[column("start")]!));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // What the ledger knows, Acme's only.
    const atStart = rows.find((row) => row[column("event_id")] === ids["at the start"])!;
    expect(atStart[column("applicant")]).toBe("Amara Okafor");
    expect(atStart[column("job")]).toBe("Robotics engineer");
    expect(atStart[column("scheduled_in_lobby")]).toBe("yes");
    expect(rows.filter((row) => row[column("scheduled_in_lobby")] === "yes")).toHaveLength(1);
  });

  it("filters on the end time when asked: an event ending in the range is in", async () => {
    const { rows, totalCount, column } = await exportRows(`${RANGE}&field=end`);
    expect(rows).toHaveLength(totalCount!);
    const eventIds = rows.map((row) => row[column("event_id")]);
    expect(eventIds).toContain(ids["across the start"]);
    for (const row of rows) {
      const end = Date.parse(row[column("end")]!);
      expect(end).toBeGreaterThanOrEqual(FROM);
      expect(end).toBeLessThan(TO);
    }
  });

  it("leaves canceled interviews out of the file when the calendar hides them", async () => {
    const all = await exportRows(RANGE);
    const canceled = all.rows.filter((row) => row[all.column("status")] === "CANCELED").length;
    expect(canceled).toBeGreaterThan(0);
    const { rows } = await exportRows(`${RANGE}&canceled=hide`);
    expect(rows).toHaveLength(251 - canceled);
  });

  it("answers an empty range with the header alone", async () => {
    const { rows, totalCount } = await exportRows("range=custom&from=2032-01-01&to=2032-01-31");
    expect(totalCount).toBe(0);
    expect(rows).toEqual([]);
  });

  it("gives the ledger's details of the employer's own interviews only", async () => {
    const both = [ids["at the start"]!, ids["Initech's"]!];
    const forAcme = await ledgerDetailsFor(bed.handle.db, dana.session.employer.id, both);
    expect([...forAcme.keys()]).toEqual([ids["at the start"]]);
    const forInitech = await ledgerDetailsFor(bed.handle.db, sam.session.employer.id, both);
    expect([...forInitech.keys()]).toEqual([ids["Initech's"]]);
    expect(forInitech.get(ids["Initech's"]!)?.applicantName).toBeNull();
  });

  it.each([
    ["FORBIDDEN", "FORBIDDEN", 403],
    ["UNAUTHENTICATED", "RECONNECT_REQUIRED", 409],
    ["DOWNSTREAM_SERVICE_ERROR", "INDEED_UNAVAILABLE", 503],
  ])("turns Indeed's %s on the first page into %s before any byte", async (code, ours, status) => {
    await control("/_sandbox/faults/graphql", { operationName: "FindInterviews", code, count: 5 });
    const state = parseCalendarSearchParams(new URLSearchParams(RANGE));
    const { range } = calendarQuery(state, "UTC", new Date());
    const failure = await calendarCsvStream(exportDeps(), state, range).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: ours, status });
  });

  it("aborts the download when Indeed fails on a later page", async () => {
    const state = parseCalendarSearchParams(new URLSearchParams(RANGE));
    const { range } = calendarQuery(state, "UTC", new Date());
    const { stream } = await calendarCsvStream(exportDeps(), state, range);
    await control("/_sandbox/faults/graphql", {
      operationName: "FindInterviews",
      code: "FORBIDDEN",
      count: 5,
    });
    await expect(new Response(stream).text()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
