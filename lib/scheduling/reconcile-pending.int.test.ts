import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { auditEvents, interviews, pendingConfirmations } from "@/lib/db/schema";
import { handleGraphqlRequest } from "@/lib/indeed/route-handler";
import { operations } from "@/lib/operations";
import { interviewInputMessages } from "./indeed-input-messages";
import { confirmPending, MAX_CHECKS, type ConfirmDeps } from "./reconcile-pending";
import { handleConfirmCreate } from "./reconcile-pending-route";

/**
 * Issue 13 against the real sandbox and database: Indeed stores a create and loses the answer
 * (`apply-then-fail`); Lobby answers OUTCOME_UNKNOWN, refuses a second create, finds the event
 * and records it once. And a create Indeed really did not make is reported not found, after
 * which it may be sent again.
 */

const APP = "http://localhost:3000";

describe(`a create whose outcome is unknown (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let bed: IndeedTestbed;
  let dana: SignedIn;
  let deps: ConfirmDeps;

  const control = (path: string, body: unknown) => bed.control<void>(path, body);

  beforeAll(async () => {
    bed = await startIndeedTestbed({
      inputMessages: interviewInputMessages,
      schemaExtensions: true,
    });
    dana = await bed.signIn("u-dana", "emp-acme-robotics");
    deps = {
      db: bed.handle.db,
      find: (session, variables) => bed.client.execute(session, "FindInterviews", variables),
      get: (session, variables) => bed.client.execute(session, "GetInterviews", variables),
      sleep: async () => undefined,
    };
  });
  afterEach(async () => control("/_sandbox/faults/graphql/clear", {}));
  afterAll(async () => {
    await bed?.close();
  });

  function createVariables(title: string, intervieweeEmail: string) {
    return {
      input: {
        startTime: "2031-05-12T15:00:00+00:00",
        endTime: "2031-05-12T16:00:00+00:00",
        title,
        timezone: "America/New_York",
        interviewers: [{ email: "ivy@acme-robotics.example" }],
        interviewee: { name: "Robin Park", email: intervieweeEmail },
      },
    };
  }

  function postCreate(variables: unknown, attemptId: string) {
    return handleGraphqlRequest(
      new Request(`${APP}/api/indeed/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({
          operationName: "CreateInterview",
          variables,
          context: { attemptId },
        }),
      }),
      {
        appUrl: APP,
        getSession: async () => dana.session,
        client: bed.client,
        operations,
        log: () => {},
      },
    );
  }

  async function eventsTitled(title: string) {
    const data = await bed.client.execute(dana.session, "FindInterviews", {
      first: 100,
      input: {
        startTime: { after: "2031-05-12T00:00:00+00:00", before: "2031-05-13T00:00:00+00:00" },
      },
    });
    return (data.findVirtualInterviewEvents?.events ?? []).filter((e) => e?.title === title);
  }

  it("answers 409 OUTCOME_UNKNOWN, refuses a second create, then finds and records the one event", async () => {
    await control("/_sandbox/faults/graphql", {
      operationName: "CreateInterview",
      code: "INTERNAL_SERVER_ERROR",
      mode: "apply-then-fail",
    });
    const title = "Stored, answer lost";
    const attemptId = randomUUID();
    const first = await postCreate(createVariables(title, "robin@example.net"), attemptId);
    expect(first.status).toBe(409);
    expect(((await first.json()) as { error: { code: string } }).error.code).toBe(
      "OUTCOME_UNKNOWN",
    );

    // The user presses again (a new attempt, the same interviewee): refused before Indeed.
    const again = await postCreate(createVariables(title, "ROBIN@example.net"), randomUUID());
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /still being checked with Indeed/,
    );
    expect(await eventsTitled(title)).toHaveLength(1);

    const result = await confirmPending(deps, dana.session, { attemptId });
    const [event] = await eventsTitled(title);
    expect(result).toEqual({ state: "confirmed", eventId: event!.id });
    const rows = await bed.handle.db
      .select()
      .from(interviews)
      .where(eq(interviews.indeedEventId, event!.id));
    expect(rows).toMatchObject([
      { employerId: "emp-acme-robotics", title, createdByUserId: dana.session.userId },
    ]);
    const audits = await bed.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, event!.id), eq(auditEvents.action, "interview.create")));
    expect(audits).toHaveLength(1);

    // Asking again changes nothing; the interviewee is free for a new create.
    expect(await confirmPending(deps, dana.session, { attemptId })).toEqual(result);
    expect(await eventsTitled(title)).toHaveLength(1);
  });

  it("says not found after the bounded lookups when Indeed really made nothing, then lets the create through", async () => {
    await control("/_sandbox/faults/graphql", {
      operationName: "CreateInterview",
      code: "INTERNAL_SERVER_ERROR",
      count: 1,
    });
    const title = "Never stored";
    const attemptId = randomUUID();
    const variables = createVariables(title, "sasha@example.net");
    expect((await postCreate(variables, attemptId)).status).toBe(409);
    expect(await confirmPending(deps, dana.session, { attemptId })).toMatchObject({
      state: "not_found",
    });
    const [row] = await bed.handle.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.id, attemptId));
    expect(row).toMatchObject({ state: "not_found", checks: MAX_CHECKS });

    const retried = await postCreate(variables, attemptId);
    expect(retried.status).toBe(200);
    expect(await eventsTitled(title)).toHaveLength(1);
    const [settled] = await bed.handle.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.id, attemptId));
    expect(settled).toMatchObject({ state: "confirmed" });
  });

  it("keeps the check open, uncounted, while Indeed cannot be asked", async () => {
    await control("/_sandbox/faults/graphql", {
      operationName: "CreateInterview",
      code: "INTERNAL_SERVER_ERROR",
      mode: "apply-then-fail",
    });
    const attemptId = randomUUID();
    expect(
      (await postCreate(createVariables("Checked later", "kai@example.net"), attemptId)).status,
    ).toBe(409);
    await control("/_sandbox/faults/graphql", {
      operationName: "FindInterviews",
      code: "DOWNSTREAM_SERVICE_ERROR",
      rate: 1,
    });
    expect(await confirmPending(deps, dana.session, { attemptId })).toMatchObject({
      state: "pending",
    });
    await control("/_sandbox/faults/graphql/clear", { operationName: "FindInterviews" });
    expect(await confirmPending(deps, dana.session, { attemptId })).toMatchObject({
      state: "confirmed",
    });
  });

  it("the confirm route answers bad input 400 and another employer's attempt as unknown", async () => {
    const call = (body: unknown) =>
      handleConfirmCreate(
        new Request(`${APP}/interviews/new/confirm`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { session: dana.session, requestId: "r", params: {} },
        deps,
      );
    await expect(call({ attemptId: "nope" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      status: 400,
    });
    await expect(call({ attemptId: randomUUID() })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });
});
