import { readFileSync } from "node:fs";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditEvents, employerMemberships } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/db/testing.test-support";
import { completeSignIn } from "./complete-sign-in";
import { sandboxSettings } from "./sandbox-fixtures.test-support";
import { assertEmployerAdmin, isEmployerAdmin, listEmployerMembers, setMemberRole } from "./roles";
import { createTokenService } from "./tokens";

describe("the employer admin role", () => {
  let handle: DatabaseHandle;
  let tokens: ReturnType<typeof createTokenService>;
  let people = 0;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tokens = createTokenService({
      db: handle.db,
      key: Buffer.alloc(32, 5),
      // Nothing here revokes: every person signs in once.
      oauth: sandboxSettings("http://127.0.0.1:9"),
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A new person signs in for `employerIds` (acting for the first). */
  async function signIn(employerIds: string[], subject = `user:${++people}`) {
    const result = await completeSignIn(
      {
        identity: {
          issuer: "https://sandbox.example",
          subject,
          name: `Person ${subject}`,
          email: `${subject.replace(":", "-")}@example.com`,
          employers: employerIds.map((id) => ({ id, name: `Employer ${id}`, advertiserId: null })),
        },
        tokens: { access_token: `a-${subject}`, refresh_token: `r-${subject}`, expires_in: 3600 },
        employerId: employerIds[0]!,
      },
      { db: handle.db, tokens },
    );
    return { userId: result.userId, employer: { id: employerIds[0]!, name: "Employer" } };
  }

  async function admins(employerId: string) {
    const rows = await handle.db
      .select({ userId: employerMemberships.userId })
      .from(employerMemberships)
      .where(
        and(eq(employerMemberships.employerId, employerId), eq(employerMemberships.role, "admin")),
      );
    return rows.map((r) => r.userId);
  }

  it("makes the first member of an employer its admin and later members members", async () => {
    const first = await signIn(["emp-first"]);
    const second = await signIn(["emp-first"]);
    expect(await isEmployerAdmin(first, handle.db)).toBe(true);
    expect(await isEmployerAdmin(second, handle.db)).toBe(false);
    expect(await admins("emp-first")).toEqual([first.userId]);
  });

  it("makes exactly one admin when several people sign in to a new employer at once", async () => {
    const signedIn = await Promise.all(Array.from({ length: 6 }, () => signIn(["emp-race"])));
    const made = await admins("emp-race");
    expect(made).toHaveLength(1);
    expect(signedIn.map((s) => s.userId)).toContain(made[0]);
  });

  it("audits each sign-in for the employer signed in to", async () => {
    const person = await signIn(["emp-audited", "emp-other"]);
    const rows = await handle.db
      .select({ employerId: auditEvents.employerId, action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.userId, person.userId));
    expect(rows).toEqual([{ employerId: "emp-audited", action: "auth.sign_in" }]);
  });

  it("lets an admin grant and remove the role, never the last admin's, and audits both", async () => {
    const admin = await signIn(["emp-grant"]);
    const member = await signIn(["emp-grant"]);
    await expect(
      setMemberRole(handle.db, member, { userId: member.userId, role: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(assertEmployerAdmin(member, handle.db)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await expect(
      setMemberRole(handle.db, admin, { userId: admin.userId, role: "member" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await setMemberRole(handle.db, admin, { userId: member.userId, role: "admin" })).toEqual(
      {
        changed: true,
      },
    );
    expect(await setMemberRole(handle.db, admin, { userId: member.userId, role: "admin" })).toEqual(
      {
        changed: false,
      },
    );
    // Two admins now: the first may step down.
    await setMemberRole(handle.db, member, { userId: admin.userId, role: "member" });
    expect(await admins("emp-grant")).toEqual([member.userId]);

    const entries = await handle.db
      .select({
        userId: auditEvents.userId,
        action: auditEvents.action,
        subjectId: auditEvents.subjectId,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.employerId, "emp-grant"), sql`${auditEvents.action} like 'role.%'`))
      .orderBy(asc(auditEvents.id));
    expect(entries).toEqual([
      { userId: admin.userId, action: "role.grant_admin", subjectId: member.userId },
      { userId: member.userId, action: "role.revoke_admin", subjectId: admin.userId },
    ]);
    expect(
      (await listEmployerMembers(handle.db, "emp-grant")).map((m) => [m.userId, m.role]),
    ).toEqual([
      [member.userId, "admin"],
      [admin.userId, "member"],
    ]);
  });

  it("refuses a role change for someone who is not a member of the employer", async () => {
    const admin = await signIn(["emp-scope-a"]);
    const outsider = await signIn(["emp-scope-b"]);
    await expect(
      setMemberRole(handle.db, admin, { userId: outsider.userId, role: "admin" }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(
      await isEmployerAdmin({ ...outsider, employer: { id: "emp-scope-a", name: "A" } }, handle.db),
    ).toBe(false);
  });

  it("gives an employer whose admin left a new admin: its earliest remaining member", async () => {
    const admin = await signIn(["emp-left", "emp-elsewhere"], "user:leaver");
    const next = await signIn(["emp-left"]);
    await signIn(["emp-left"]);
    // The admin signs in again and Indeed no longer lists emp-left for them.
    await completeSignIn(
      {
        identity: {
          issuer: "https://sandbox.example",
          subject: "user:leaver",
          name: "Leaver",
          email: null,
          employers: [{ id: "emp-elsewhere", name: "Elsewhere", advertiserId: null }],
        },
        tokens: { access_token: "a2", refresh_token: "r2", expires_in: 3600 },
        employerId: "emp-elsewhere",
      },
      { db: handle.db, tokens },
    );
    expect(await isEmployerAdmin(admin, handle.db)).toBe(false);
    expect(await admins("emp-left")).toEqual([next.userId]);
  });

  it("the migration makes the earliest member of each employer admin", async () => {
    const first = await signIn(["emp-migrated"]);
    await signIn(["emp-migrated"]);
    await handle.db.update(employerMemberships).set({ role: "member" });
    const migration = readFileSync("lib/db/migrations/0005_membership_roles.sql", "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1)!;
    await handle.db.execute(sql.raw(backfill));
    expect(await admins("emp-migrated")).toEqual([first.userId]);
    expect(await admins("emp-first")).toHaveLength(1);
  });
});
