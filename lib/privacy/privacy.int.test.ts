import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import type { DatabaseHandle } from "@/lib/db/client";
import { applications, auditEvents, dataRequests, employerSettings, jobs } from "@/lib/db/schema";
import {
  cancelUpcomingInterviews,
  ERASURE_CANCEL_REASON,
  upcomingInterviewsOf,
} from "./cancel-upcoming";
import { dataRequestContact } from "./data-request-contact";
import { utcDate } from "./data-request-schema";
import { findDataRequest, listDataRequests, recordDataRequest } from "./data-requests";
import { carryOutErasure } from "./erase";
import { exportPersonalData, personalDataForRequest } from "./export";
import { NOT_SHOWN_BY_INDEED, type ReadIndeedEvents } from "./gather";

/**
 * Data requests against the sandbox and a real database: gathering everything about one job
 * seeker (with Indeed's current view of their interviews), employer scoping, the export, and
 * an erasure after which no column of any table in any schema holds their name or address.
 */

const ROBIN = { name: "Robin Quillfeather", email: "robin.quillfeather@example.net" };

describe(`data requests (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: IndeedTestbed;
  let dana: SignedIn;
  let sam: SignedIn;
  let applicationId: string;
  const eventIds: string[] = [];

  const readAs =
    (signedIn: SignedIn): ReadIndeedEvents =>
    async (ids) =>
      (await bed.client.execute(signedIn.session, "GetInterviews", { ids })).virtualInterviewEvents
        ?.events ?? [];

  beforeAll(async () => {
    bed = await startIndeedTestbed({ schemaExtensions: true });
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
    sam = await bed.signIn("u-sam", "emp-initech-foods");

    const [job] = await bed.handle.db
      .insert(jobs)
      .values({ employerId: dana.session.employer.id, externalId: "J-7", title: "Welder" })
      .returning();
    const [application] = await bed.handle.db
      .insert(applications)
      .values({
        employerId: dana.session.employer.id,
        jobId: job!.id,
        externalId: "A-7",
        applicantName: ROBIN.name,
        applicantEmail: ROBIN.email,
      })
      .returning();
    applicationId = application!.id;
    const [otherJob] = await bed.handle.db
      .insert(jobs)
      .values({ employerId: sam.session.employer.id, externalId: "J-1", title: "Chef" })
      .returning();
    await bed.handle.db.insert(applications).values({
      employerId: sam.session.employer.id,
      jobId: otherJob!.id,
      externalId: "B-1",
      applicantName: "Kit Marlowe",
      applicantEmail: "kit@example.org",
    });

    for (const [day, title] of [
      ["10", `Welder — first interview with ${ROBIN.name}`],
      ["12", "Welder — workshop visit"],
    ] as const) {
      const data = await bed.client.execute(
        dana.session,
        "CreateInterview",
        {
          input: {
            startTime: `2031-03-${day}T15:00:00+00:00`,
            endTime: `2031-03-${day}T16:00:00+00:00`,
            title,
            timezone: "America/New_York",
            interviewers: [{ email: "ivy@acme-robotics.example" }],
            interviewee: ROBIN,
            requestMetadata: { jobId: "J-7", jobTitle: "Welder" },
          },
        },
        { applicationId },
      );
      eventIds.push(data.createVirtualInterviewEvent!.event!.id);
    }
  });

  afterAll(async () => {
    await bed?.close();
  });

  const today = utcDate(new Date());

  it("gathers their application, interviews with Indeed's view, messages and audit entries", async () => {
    const request = await recordDataRequest(bed.handle.db, dana.session, {
      email: ROBIN.email,
      kind: "access",
      receivedOn: today,
    });
    const data = await personalDataForRequest(
      bed.handle.db,
      dana.session,
      request.id,
      readAs(dana),
    );
    expect(data.applications.map((a) => [a.name, a.email, a.job.title])).toEqual([
      [ROBIN.name, ROBIN.email, "Welder"],
    ]);
    expect(data.interviews.map((i) => i.indeedEventId)).toEqual(eventIds);
    for (const interview of data.interviews) {
      expect(interview.indeed).toMatchObject({ shown: true, status: "SCHEDULED" });
    }
    expect(data.messages.length).toBeGreaterThanOrEqual(2);
    expect(data.messages.every((m) => m.to.includes(ROBIN.email))).toBe(true);
    const actions = data.auditEntries.map((entry) => entry.action);
    expect(actions.filter((action) => action === "interview.create")).toHaveLength(2);
    expect(actions).toContain("data_request.record");
  });

  it("says Indeed did not show an interview rather than failing", async () => {
    const [request] = await listDataRequests(bed.handle.db, dana.session.employer.id);
    // Sam's employer is not the events': Indeed answers null with FORBIDDEN.
    const data = await personalDataForRequest(
      bed.handle.db,
      dana.session,
      request!.id,
      readAs(sam),
    );
    expect(data.interviews.map((i) => i.indeed)).toEqual([
      { shown: false, reason: NOT_SHOWN_BY_INDEED },
      { shown: false, reason: NOT_SHOWN_BY_INDEED },
    ]);
  });

  it("keeps each employer's requests to itself", async () => {
    const [request] = await listDataRequests(bed.handle.db, dana.session.employer.id);
    expect(await listDataRequests(bed.handle.db, sam.session.employer.id)).toEqual([]);
    expect(
      await findDataRequest(bed.handle.db, sam.session.employer.id, request!.id),
    ).toBeUndefined();
    await expect(
      personalDataForRequest(bed.handle.db, sam.session, request!.id, readAs(sam)),
    ).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(carryOutErasure(bed.handle.db, sam.session, request!.id)).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });

  it("exports JSON, audits the download and answers the access request", async () => {
    const [request] = await listDataRequests(bed.handle.db, dana.session.employer.id);
    const { json, fileName } = await exportPersonalData(
      bed.handle.db,
      dana.session,
      request!.id,
      readAs(dana),
    );
    expect(fileName).toBe(`lobby-data-request-${request!.id}.json`);
    const parsed = JSON.parse(json) as { email: string; interviews: unknown[] };
    expect(parsed.email).toBe(ROBIN.email);
    expect(parsed.interviews).toHaveLength(2);
    const after = await findDataRequest(bed.handle.db, dana.session.employer.id, request!.id);
    expect(after?.fulfilledAt).toBeInstanceOf(Date);
    const exports = await bed.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "data_request.export"), eq(auditEvents.subjectId, request!.id)),
      );
    expect(exports).toHaveLength(1);
    expect(JSON.stringify(exports[0]!.details)).not.toContain(ROBIN.email);
  });

  it("refuses to carry out an access request as an erasure", async () => {
    const [request] = await listDataRequests(bed.handle.db, dana.session.employer.id);
    await expect(carryOutErasure(bed.handle.db, dana.session, request!.id)).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });

  it("cancels a chosen upcoming interview at Indeed through the normal cancel", async () => {
    const upcoming = await upcomingInterviewsOf(
      bed.handle.db,
      dana.session.employer.id,
      ROBIN.email,
    );
    expect(upcoming.map((i) => i.indeedEventId)).toEqual(eventIds);
    await expect(
      cancelUpcomingInterviews(upcoming, ["someone-elses-event"], async () => undefined),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const results = await cancelUpcomingInterviews(upcoming, [eventIds[1]!], async (id) => {
      await bed.client.execute(
        dana.session,
        "CancelInterview",
        { input: { id } },
        { reason: ERASURE_CANCEL_REASON },
      );
    });
    expect(results).toEqual([{ eventId: eventIds[1], canceled: true }]);
    const left = await upcomingInterviewsOf(bed.handle.db, dana.session.employer.id, ROBIN.email);
    expect(left.map((i) => i.indeedEventId)).toEqual([eventIds[0]]);
  });

  it("gives /privacy the employer's contact for data requests, else its contact for job seekers", async () => {
    const employerId = dana.session.employer.id;
    expect(await dataRequestContact(bed.handle.db, employerId)).toEqual({
      employerName: "Acme Robotics",
      contact: null,
    });
    const settings = {
      employerId,
      organizerName: "Acme Recruiting",
      replyTo: "hiring@acme-robotics.example",
      contact: "+1 555 0100",
    };
    await bed.handle.db.insert(employerSettings).values(settings);
    expect((await dataRequestContact(bed.handle.db, employerId))?.contact).toBe("+1 555 0100");
    await bed.handle.db
      .update(employerSettings)
      .set({ dataRequestsContact: "privacy@acme-robotics.example" })
      .where(eq(employerSettings.employerId, employerId));
    expect((await dataRequestContact(bed.handle.db, employerId))?.contact).toBe(
      "privacy@acme-robotics.example",
    );
    expect(await dataRequestContact(bed.handle.db, "emp-nobody")).toBeNull();
  });

  it("erases them: no column of any table in any schema holds their name or address", async () => {
    const request = await recordDataRequest(bed.handle.db, dana.session, {
      email: ROBIN.email.toUpperCase(),
      kind: "erasure",
      receivedOn: today,
    });
    const before = await traces(bed.handle, [ROBIN.name, ROBIN.email]);
    expect(before.length).toBeGreaterThan(4);
    expect(before).toEqual(
      expect.arrayContaining([
        "public.applications.applicant_name",
        "public.audit_events.details",
        "public.candidate_messages.payload",
        "public.data_requests.email",
        "public.interviews.interviewee_email",
        "public.interviews.title",
      ]),
    );

    const { outcome, alreadyDone } = await carryOutErasure(bed.handle.db, dana.session, request.id);
    expect(alreadyDone).toBe(false);
    expect(outcome).toMatchObject({ applications: 1, interviews: 2, dataRequests: 2 });
    expect(outcome.messages).toBeGreaterThanOrEqual(3);
    expect(outcome.auditEntries).toBeGreaterThanOrEqual(2);

    expect(await traces(bed.handle, [ROBIN.name, ROBIN.email, "Quillfeather"])).toEqual([]);

    const [record] = await bed.handle.db
      .select()
      .from(dataRequests)
      .where(eq(dataRequests.id, request.id));
    expect(record).toMatchObject({ email: null, fulfilledByUserId: dana.session.userId });
    expect(record!.fulfilledAt).toBeInstanceOf(Date);
    for (const row of await listDataRequests(bed.handle.db, dana.session.employer.id)) {
      expect(row).toMatchObject({ email: null, fulfilledAt: expect.any(Date) });
    }
    const erase = await bed.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "data_request.erase"), eq(auditEvents.subjectId, request.id)),
      );
    expect(erase[0]!.details).toEqual(outcome);
    const [pseudonymised] = await bed.handle.db
      .select()
      .from(applications)
      .where(eq(applications.id, applicationId));
    expect(pseudonymised!.applicantName).toBe(`erased-${request.id}`);

    // Another employer's applicant is untouched; a second run changes nothing.
    const [kit] = await bed.handle.db
      .select()
      .from(applications)
      .where(eq(applications.employerId, sam.session.employer.id));
    expect(kit).toMatchObject({ applicantName: "Kit Marlowe", applicantEmail: "kit@example.org" });
    expect(await carryOutErasure(bed.handle.db, dana.session, request.id)).toEqual({
      outcome,
      alreadyDone: true,
    });
  });
});

/**
 * Every text, character and JSON column of every table in every schema that is not
 * PostgreSQL's own (Lobby's `public`, pg-boss's `pgboss`, Drizzle's), as `schema.table.column`
 * where one of the needles appears (any case).
 */
async function traces(handle: DatabaseHandle, needles: string[]): Promise<string[]> {
  const columns = (await handle.db.execute(sql`
    select c.table_schema, c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema not in ('pg_catalog', 'information_schema')
      and c.table_schema not like 'pg_toast%'
      and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
        or c.udt_name in ('text', 'varchar', 'bpchar', 'json', 'jsonb'))
    order by 1, 2, 3`)) as unknown as {
    rows: { table_schema: string; table_name: string; column_name: string }[];
  };
  expect(columns.rows.length).toBeGreaterThan(30);
  const found: string[] = [];
  for (const { table_schema, table_name, column_name } of columns.rows) {
    const column = sql`${sql.identifier(table_schema)}.${sql.identifier(table_name)}.${sql.identifier(column_name)}`;
    const conditions = needles.map(
      (needle) => sql`position(${needle.toLowerCase()} in lower(${column}::text)) > 0`,
    );
    const result = (await handle.db.execute(sql`
      select count(*)::int as n
      from ${sql.identifier(table_schema)}.${sql.identifier(table_name)}
      where ${sql.join(conditions, sql` or `)}`)) as unknown as { rows: { n: number }[] };
    if (result.rows[0]!.n > 0) found.push(`${table_schema}.${table_name}.${column_name}`);
  }
  return found;
}
