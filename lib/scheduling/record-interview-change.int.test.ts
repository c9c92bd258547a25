import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { applications, auditEvents, employers, jobs, users } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import {
  findLedgerInterview,
  findLedgerInterviewsByEventIds,
  listInterviewsForApplication,
} from "./interview-ledger";
import {
  recordInterviewCanceled,
  recordInterviewCreated,
  recordInterviewUpdated,
} from "./record-interview-change";

let handle: DatabaseHandle;
let actor: { userId: string; employer: { id: string } };
let otherActor: { userId: string; employer: { id: string } };
let applicationId: string;
let otherApplicationId: string;

const event = {
  id: "aXJpOi8vYXBpcy5pbmRlZWQuY29tL1ZpcnR1YWxJbnRlcnZpZXdFdmVudC8x",
  status: "SCHEDULED",
  title: "Interview with Ada Lovelace for Engineer",
  startTime: "2026-03-08T17:30:00+00:00",
  endTime: "2026-03-08T18:30:00+00:00",
  timezone: "America/Los_Angeles",
  interviewersConnection: { interviewers: [{ email: "recruiter@acme.example" }] },
  intervieweesConnection: { interviewees: [{ name: "Ada Lovelace", email: "ada@example.com" }] },
};

async function auditFor(eventId: string) {
  return handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, eventId))
    .orderBy(auditEvents.id);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  await db.insert(employers).values([
    { id: "emp-acme", name: "Acme" },
    { id: "emp-other", name: "Other Co" },
  ]);
  const [user, other] = await db
    .insert(users)
    .values([
      {
        issuer: "http://sandbox",
        subject: "user:1",
        email: "recruiter@acme.example",
        name: "Rita",
      },
      { issuer: "http://sandbox", subject: "user:2", email: "someone@other.example", name: "Sam" },
    ])
    .returning();
  actor = { userId: user!.id, employer: { id: "emp-acme" } };
  otherActor = { userId: other!.id, employer: { id: "emp-other" } };
  const [job, otherJob] = await db
    .insert(jobs)
    .values([
      { employerId: "emp-acme", externalId: "J-1", title: "Engineer" },
      { employerId: "emp-other", externalId: "J-1", title: "Chef" },
    ])
    .returning();
  const [application, otherApplication] = await db
    .insert(applications)
    .values([
      {
        employerId: "emp-acme",
        jobId: job!.id,
        externalId: "A-1",
        applicantName: "Ada Lovelace",
        applicantEmail: "ada@example.com",
      },
      {
        employerId: "emp-other",
        jobId: otherJob!.id,
        externalId: "A-9",
        applicantName: "Bo",
        applicantEmail: "bo@example.com",
      },
    ])
    .returning();
  applicationId = application!.id;
  otherApplicationId = otherApplication!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe("recording interview changes", () => {
  it("writes the ledger row, the audit entry and the employer's default zone on create", async () => {
    await handle.db.transaction((tx) =>
      recordInterviewCreated(tx, actor, event, { applicationId }),
    );

    const row = await findLedgerInterview(handle.db, "emp-acme", event.id);
    expect(row).toMatchObject({
      applicationId,
      intervieweeEmail: "ada@example.com",
      title: event.title,
      timezone: "America/Los_Angeles",
      status: "SCHEDULED",
      createdByUserId: actor.userId,
    });
    expect(row?.startTime.toISOString()).toBe("2026-03-08T17:30:00.000Z");
    expect(await listInterviewsForApplication(handle.db, "emp-acme", applicationId)).toHaveLength(
      1,
    );

    const [employer] = await handle.db.select().from(employers).where(eq(employers.id, "emp-acme"));
    expect(employer?.defaultTimezone).toBe("America/Los_Angeles");

    const entries = await auditFor(event.id);
    expect(entries.map((entry) => entry.action)).toEqual(["interview.create"]);
    expect(entries[0]).toMatchObject({
      employerId: "emp-acme",
      userId: actor.userId,
      subjectType: "interview",
    });
  });

  it("does not link another employer's application", async () => {
    const foreign = { ...event, id: "event-foreign-link" };
    await handle.db.transaction((tx) =>
      recordInterviewCreated(tx, actor, foreign, { applicationId: otherApplicationId }),
    );
    expect(
      (await findLedgerInterview(handle.db, "emp-acme", foreign.id))?.applicationId,
    ).toBeNull();
  });

  it("records each kind of update with its own audit action", async () => {
    // Each response carries the event's whole state after the change, as Indeed returns it.
    const rescheduled = {
      ...event,
      startTime: "2026-03-09T17:00:00+00:00",
      endTime: "2026-03-09T18:00:00+00:00",
    };
    await handle.db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "reschedule", rescheduled),
    );
    await handle.db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "add_interviewers", rescheduled, {
        input: {
          id: event.id,
          interviewers: [{ email: "a@acme.example" }, { email: "b@acme.example" }],
        },
      }),
    );
    const retitled = { ...rescheduled, title: "Final round" };
    await handle.db.transaction((tx) => recordInterviewUpdated(tx, actor, "set_title", retitled));
    await handle.db.transaction((tx) =>
      recordInterviewUpdated(tx, actor, "set_timezone", { ...retitled, timezone: "Asia/Kolkata" }),
    );

    const row = await findLedgerInterview(handle.db, "emp-acme", event.id);
    expect(row?.title).toBe("Final round");
    expect(row?.timezone).toBe("Asia/Kolkata");
    expect(row?.startTime.toISOString()).toBe("2026-03-09T17:00:00.000Z");

    const entries = await auditFor(event.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      "interview.create",
      "interview.reschedule",
      "interview.add_interviewers",
      "interview.set_title",
      "interview.set_timezone",
    ]);
    expect(entries[2]?.details).toEqual({ added: ["a@acme.example", "b@acme.example"] });
  });

  it("keeps the cancel reason in the ledger and the audit log", async () => {
    await handle.db.transaction((tx) =>
      recordInterviewCanceled(
        tx,
        actor,
        { id: event.id, status: "CANCELED" },
        { reason: "  Position filled " },
      ),
    );
    const row = await findLedgerInterview(handle.db, "emp-acme", event.id);
    expect(row).toMatchObject({
      status: "CANCELED",
      cancelReason: "Position filled",
      title: "Final round",
    });
    expect((await auditFor(event.id)).at(-1)).toMatchObject({
      action: "interview.cancel",
      details: { reason: "Position filled" },
    });
  });

  it("never touches another employer's ledger row", async () => {
    await handle.db.transaction((tx) =>
      recordInterviewUpdated(tx, otherActor, "set_title", { ...event, title: "Hijacked" }),
    );
    expect((await findLedgerInterview(handle.db, "emp-acme", event.id))?.title).toBe("Final round");
    expect(await findLedgerInterview(handle.db, "emp-other", event.id)).toBeUndefined();
  });

  it("writes nothing when the transaction fails", async () => {
    const doomed = { ...event, id: "event-rolled-back" };
    await expect(
      handle.db.transaction(async (tx) => {
        await recordInterviewCreated(tx, actor, doomed);
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await findLedgerInterview(handle.db, "emp-acme", doomed.id)).toBeUndefined();
    expect(await auditFor(doomed.id)).toEqual([]);
  });

  it("gives the calendar each event's applicant and job, for this employer only", async () => {
    const rows = await findLedgerInterviewsByEventIds(handle.db, "emp-acme", [event.id]);
    expect(rows).toEqual([
      expect.objectContaining({
        indeedEventId: event.id,
        applicantName: "Ada Lovelace",
        jobTitle: "Engineer",
      }),
    ]);
    expect(await findLedgerInterviewsByEventIds(handle.db, "emp-other", [event.id])).toEqual([]);
  });
});
