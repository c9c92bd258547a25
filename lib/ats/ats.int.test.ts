import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { applications, employers, jobs } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { findApplication, listApplications, listJobs } from "./application-queries";
import { importApplications, previewApplicationsImport } from "./import-applications";
import { demoApplications, seedDemoData } from "./seed-demo";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.insert(employers).values([
    { id: "emp-a", name: "A" },
    { id: "emp-b", name: "B" },
    { id: "emp-c", name: "C" },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

describe("demo seed", () => {
  it("gives every demo application a valid, unique id and email", () => {
    const demo = demoApplications();
    expect(demo.length).toBeGreaterThanOrEqual(24);
    expect(new Set(demo.map((a) => a.externalId)).size).toBe(demo.length);
    for (const application of demo) {
      expect(application.externalId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(application.applicantEmail).toMatch(/^[a-z.]+@example\.com$/);
    }
  });

  it("seeds once, even when several page loads race", async () => {
    const results = await Promise.all([
      seedDemoData(handle.db, "emp-a"),
      seedDemoData(handle.db, "emp-a"),
    ]);
    expect(results).toContain(true);
    expect(await seedDemoData(handle.db, "emp-a")).toBe(false);
    const { total } = await listApplications(handle.db, "emp-a");
    expect(total).toBe(demoApplications().length);
    expect(await listJobs(handle.db, "emp-a")).toHaveLength(5);
  });

  it("seeds each employer separately", async () => {
    await seedDemoData(handle.db, "emp-b");
    expect((await listApplications(handle.db, "emp-b")).total).toBe(demoApplications().length);
  });
});

describe("application queries", () => {
  it("searches name, email and application id, case-insensitively", async () => {
    expect(
      (await listApplications(handle.db, "emp-a", { query: "amara" })).rows.map(
        (r) => r.applicantName,
      ),
    ).toEqual(["Amara Okafor"]);
    expect((await listApplications(handle.db, "emp-a", { query: "LIAM.CHEN@" })).total).toBe(1);
    expect((await listApplications(handle.db, "emp-a", { query: "demo-app-1003" })).total).toBe(1);
    expect((await listApplications(handle.db, "emp-a", { query: "%" })).total).toBe(0);
  });

  it("filters by job and stage and pages", async () => {
    const [job] = await listJobs(handle.db, "emp-a");
    const byJob = await listApplications(handle.db, "emp-a", { jobId: job!.id, pageSize: 100 });
    expect(byJob.rows.every((row) => row.job.id === job!.id)).toBe(true);
    const interviewing = await listApplications(handle.db, "emp-a", {
      stage: "interview",
      pageSize: 100,
    });
    expect(interviewing.rows.every((row) => row.stage === "interview")).toBe(true);
    const page2 = await listApplications(handle.db, "emp-a", { page: 2, pageSize: 10 });
    expect(page2.page).toBe(2);
    expect(page2.rows).toHaveLength(10);
    expect((await listApplications(handle.db, "emp-a", { page: 99, pageSize: 10 })).page).toBe(
      page2.pageCount,
    );
  });

  it("never returns another employer's application", async () => {
    const [mine] = (await listApplications(handle.db, "emp-a")).rows;
    expect(await findApplication(handle.db, "emp-a", mine!.id)).toMatchObject({ id: mine!.id });
    expect(await findApplication(handle.db, "emp-a", mine!.externalId)).toMatchObject({
      id: mine!.id,
    });
    expect(await findApplication(handle.db, "emp-c", mine!.id)).toBeUndefined();
    // Same external id, different employer: each sees its own.
    const theirs = await findApplication(handle.db, "emp-b", mine!.externalId);
    expect(theirs?.id).not.toBe(mine!.id);
  });
});

describe("CSV import", () => {
  const actor = { userId: null, employerId: "emp-c" };
  const header = "application_id,applicant_name,applicant_email,job_id,job_title";

  it("imports valid rows and creates the missing jobs", async () => {
    await handle.db
      .insert(jobs)
      .values({ employerId: "emp-c", externalId: "J-1", title: "Existing job" });
    const result = await importApplications(
      handle.db,
      actor,
      [
        header,
        "C-1,Ada Lovelace,ada@example.com,J-1,Existing job",
        "C-2,Alan Turing,alan@example.com,J-2,Cryptanalyst",
      ].join("\n"),
    );
    expect(result).toEqual({ ok: true, imported: 2, jobsCreated: 1 });
    expect((await listApplications(handle.db, "emp-c")).total).toBe(2);
  });

  it("imports nothing when one row is invalid or already exists", async () => {
    const result = await importApplications(
      handle.db,
      actor,
      [
        header,
        "C-3,Grace Hopper,grace@example.com,J-1,Existing job",
        "C-1,Ada Again,ada@example.com,J-1,Existing job",
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.preview.rows[1]?.errors).toEqual(["application_id C-1 already exists"]);
    const rows = await handle.db
      .select()
      .from(applications)
      .where(eq(applications.employerId, "emp-c"));
    expect(rows).toHaveLength(2);
  });

  it("previews against the employer's own ids only", async () => {
    const preview = await previewApplicationsImport(
      handle.db,
      "emp-a",
      [header, "C-1,Ada,ada@example.com,J-1,Job"].join("\n"),
    );
    expect(preview.valid).toBe(true);
  });
});
