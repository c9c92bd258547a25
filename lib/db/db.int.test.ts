import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { asConstraintViolation, ConstraintViolationError } from "./errors";
import { migrateDatabase } from "./migrate";
import { applications, employers, jobs } from "./schema";
import { createTestDatabase } from "./testing.test-support";

// Runs on PGlite by default and on a real PostgreSQL when DATABASE_URL is set (.ci/run does both).
describe(`the database (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("applies every migration, and applying them again changes nothing", async () => {
    const before = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await migrateDatabase(handle);
    const after = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(rows<{ n: number }>(before)[0]?.n).toBeGreaterThan(0);
    expect(rows<{ n: number }>(after)[0]?.n).toBe(rows<{ n: number }>(before)[0]?.n);
  });

  it("reads back a row it wrote", async () => {
    await handle.db
      .insert(employers)
      .values({ id: "emp-read", name: "Acme Robotics", advertiserId: "1001" });
    const [found] = await handle.db.select().from(employers).where(eq(employers.id, "emp-read"));
    expect(found).toMatchObject({ id: "emp-read", name: "Acme Robotics", advertiserId: "1001" });
    expect(found?.createdAt).toBeInstanceOf(Date);
  });

  it("answers a ping", async () => {
    expect(await handle.ping()).toBe(true);
  });

  it("reports a duplicate key as a clear unique-constraint error", async () => {
    await handle.db.insert(employers).values({ id: "emp-dup", name: "Globex" });
    const error = await handle.db
      .insert(employers)
      .values({ id: "emp-dup", name: "Globex again" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const violation = asConstraintViolation(error);
    expect(violation).toBeInstanceOf(ConstraintViolationError);
    expect(violation?.kind).toBe("unique");
    expect(violation?.message).toMatch(/already exists \(employers_pkey\)/);
  });

  it("refuses an application id outside letters, digits, - and _", async () => {
    await handle.db.insert(employers).values({ id: "emp-check", name: "Initech" });
    const [job] = await handle.db
      .insert(jobs)
      .values({ employerId: "emp-check", externalId: "job-1", title: "Engineer" })
      .returning();
    const error = await handle.db
      .insert(applications)
      .values({
        employerId: "emp-check",
        jobId: job!.id,
        externalId: "bad id!",
        applicantName: "Sam",
        applicantEmail: "sam@example.com",
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(asConstraintViolation(error)).toMatchObject({
      kind: "check",
      constraint: "applications_external_id_format",
    });
  });

  it("refuses a job for an employer that does not exist", async () => {
    const error = await handle.db
      .insert(jobs)
      .values({ employerId: "nobody", externalId: "job-x", title: "Ghost" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(asConstraintViolation(error)?.kind).toBe("foreign_key");
  });
});

function rows<T>(result: unknown): T[] {
  // node-postgres returns { rows }, PGlite's drizzle driver returns { rows } too.
  return (result as { rows: T[] }).rows;
}
