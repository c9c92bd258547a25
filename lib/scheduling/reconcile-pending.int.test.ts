import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startIndeedTestbed,
  type IndeedTestbed,
  type SignedIn,
} from "@/lib/auth/sandbox-fixtures.test-support";
import { auditEvents, indeedConnections, interviews, pendingConfirmations } from "@/lib/db/schema";
import {
  ABANDONED_AFTER_MS,
  reconcileUpcomingInterviews,
  type LedgerReconcileDeps,
} from "@/lib/jobs/ledger-reconcile-worker";
import { interviewInputMessages } from "./indeed-input-messages";
import { CHANGED_OUTSIDE_LOBBY, eventsOfRead, followIndeed } from "./reconcile-ledger";
import { confirmPending, MAX_CHECKS, type ConfirmDeps } from "./reconcile-pending";
import { CHANGE_NOT_MADE_MESSAGE } from "./reconcile-pending-changes";
import { handleConfirmCreate } from "./reconcile-pending-route";

/**
 * Issue 13 against the real sandbox and database. Indeed stores a create and loses the answer
 * (`apply-then-fail`); Lobby answers OUTCOME_UNKNOWN, refuses a second create, finds the event
 * and records it once; a create Indeed really did not make is reported not found, after which
 * it may be sent again. The same for a change of an event (ADR 0080): another change is
 * refused, the ledger's follow keeps off the event, the event is read and the change recorded
 * as the user's, or reported not made. A check nobody finished is settled by the hourly job.
 */

const APP = "http://localhost:3000";
const ACME = "emp-acme-robotics";

let bed: IndeedTestbed;
let dana: SignedIn;
let deps: ConfirmDeps;

const control = (path: string, body: unknown) => bed.control<void>(path, body);

beforeAll(async () => {
  bed = await startIndeedTestbed({
    inputMessages: interviewInputMessages,
    schemaExtensions: true,
  });
  dana = await bed.signIn("u-dana", ACME);
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

/** One operation through Lobby's GraphQL route, as Dana. */
function post(operationName: string, variables: unknown, context?: unknown) {
  return bed.postGraphql(dana.session, { operationName, variables, context });
}

/** POST /interviews/new/confirm's handler, as Dana unless another session is given. */
function confirmRoute(body: unknown, session = dana.session) {
  return handleConfirmCreate(
    new Request(`${APP}/interviews/new/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { session, requestId: "r", params: {} },
    deps,
  );
}

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

const postCreate = (variables: unknown, attemptId: string) =>
  post("CreateInterview", variables, { attemptId });

async function eventsTitled(title: string) {
  const data = await bed.client.execute(dana.session, "FindInterviews", {
    first: 100,
    input: {
      startTime: { after: "2031-05-12T00:00:00+00:00", before: "2031-05-13T00:00:00+00:00" },
    },
  });
  return (data.findVirtualInterviewEvents?.events ?? []).filter((e) => e?.title === title);
}

let day = 10;

/** An interview Lobby scheduled (in the ledger), on its own day of June 2031. */
async function scheduled(title: string): Promise<string> {
  day++;
  const data = await bed.client.execute(dana.session, "CreateInterview", {
    input: {
      startTime: `2031-06-${day}T15:00:00+00:00`,
      endTime: `2031-06-${day}T16:00:00+00:00`,
      title,
      timezone: "America/New_York",
      interviewers: [],
      interviewee: { name: "Robin Park", email: `robin.${day}@example.net` },
    },
  });
  return data.createVirtualInterviewEvent!.event!.id;
}

const failNext = (operationName: string, mode: "apply-then-fail" | "fail") =>
  control("/_sandbox/faults/graphql", {
    operationName,
    code: "INTERNAL_SERVER_ERROR",
    mode,
    count: 1,
  });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

const ledgerRow = async (id: string) =>
  (await bed.handle.db.select().from(interviews).where(eq(interviews.indeedEventId, id)))[0]!;

describe(`a create whose outcome is unknown (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
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
    const call = (body: unknown) => confirmRoute(body);
    await expect(call({ attemptId: "nope" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      status: 400,
    });
    await expect(call({ attemptId: randomUUID() })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });
});

describe(`a change whose outcome is unknown (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  async function auditActions(id: string) {
    const rows = await bed.handle.db
      .select({ action: auditEvents.action, userId: auditEvents.userId })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    return rows;
  }

  it("answers a reschedule Indeed applied 409, refuses another change, and records it as the user's", async () => {
    const id = await scheduled("Moved, answer lost");
    const moved = {
      startTime: `2031-06-${day}T18:00:00+00:00`,
      endTime: `2031-06-${day}T19:00:00+00:00`,
    };
    await failNext("RescheduleInterview", "apply-then-fail");
    const first = await post("RescheduleInterview", { input: { id, ...moved } });
    expect(first.status).toBe(409);
    expect(await errorOf(first)).toMatchObject({ code: "OUTCOME_UNKNOWN" });

    // Another change of the same event is refused before it reaches Indeed.
    const retitle = await post("SetInterviewTitle", { input: { id, title: "Renamed meanwhile" } });
    expect(retitle.status).toBe(409);
    expect((await errorOf(retitle)).message).toMatch(/still being checked with Indeed/);

    // A page reading the event meanwhile does not take Lobby's change for one made outside it.
    const read = await bed.client.execute(dana.session, "GetInterviews", { ids: [id] });
    expect(read.virtualInterviewEvents?.events?.[0]).toMatchObject({ title: "Moved, answer lost" });
    expect(await followIndeed(bed.handle.db, ACME, eventsOfRead(read), new Date())).toBe(0);

    expect(await confirmPending(deps, dana.session, { eventId: id })).toEqual({
      state: "confirmed",
      eventId: id,
    });
    const row = await ledgerRow(id);
    expect(row.startTime.toISOString()).toBe(new Date(moved.startTime).toISOString());
    expect(row.title).toBe("Moved, answer lost");
    const actions = await auditActions(id);
    expect(actions).toContainEqual({ action: "interview.reschedule", userId: dana.session.userId });
    expect(actions.map((a) => a.action)).not.toContain(CHANGED_OUTSIDE_LOBBY);

    // Settled: asking again answers the same, and the event may be changed again.
    expect(await confirmPending(deps, dana.session, { eventId: id })).toMatchObject({
      state: "confirmed",
    });
    expect(
      (await post("SetInterviewTitle", { input: { id, title: "Renamed after" } })).status,
    ).toBe(200);
  });

  it("records a cancel Indeed applied with the reason the user gave", async () => {
    const id = await scheduled("Canceled, answer lost");
    await failNext("CancelInterview", "apply-then-fail");
    const first = await post("CancelInterview", { input: { id } }, { reason: "Role filled" });
    expect(first.status).toBe(409);
    const [pending] = await bed.handle.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.indeedEventId, id));
    expect(pending).toMatchObject({
      operationName: "CancelInterview",
      userId: dana.session.userId,
      state: "pending",
      context: { reason: "Role filled" },
      sent: { input: { id } },
    });

    expect(await confirmPending(deps, dana.session, { eventId: id })).toMatchObject({
      state: "confirmed",
    });
    expect(await ledgerRow(id)).toMatchObject({ status: "CANCELED", cancelReason: "Role filled" });
    const cancels = await bed.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "interview.cancel")));
    expect(cancels).toHaveLength(1);
  });

  it("says not made after the bounded lookups when Indeed did not apply it, then lets it through", async () => {
    const id = await scheduled("Not moved");
    const moved = {
      startTime: `2031-06-${day}T20:00:00+00:00`,
      endTime: `2031-06-${day}T21:00:00+00:00`,
    };
    await failNext("RescheduleInterview", "fail");
    expect((await post("RescheduleInterview", { input: { id, ...moved } })).status).toBe(409);

    expect(await confirmPending(deps, dana.session, { eventId: id })).toEqual({
      state: "not_found",
      message: CHANGE_NOT_MADE_MESSAGE,
    });
    const [row] = await bed.handle.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.indeedEventId, id));
    expect(row).toMatchObject({ state: "not_found", checks: MAX_CHECKS });
    expect((await ledgerRow(id)).startTime.toISOString()).toBe(
      new Date(`2031-06-${day}T15:00:00+00:00`).toISOString(),
    );

    expect((await post("RescheduleInterview", { input: { id, ...moved } })).status).toBe(200);
    expect((await ledgerRow(id)).startTime.toISOString()).toBe(
      new Date(moved.startTime).toISOString(),
    );
  });

  it("keeps the check open, uncounted, while Indeed cannot be asked", async () => {
    const id = await scheduled("Retitled, checked later");
    await failNext("SetInterviewTitle", "apply-then-fail");
    expect((await post("SetInterviewTitle", { input: { id, title: "Final round" } })).status).toBe(
      409,
    );
    await control("/_sandbox/faults/graphql", {
      operationName: "GetInterviews",
      code: "DOWNSTREAM_SERVICE_ERROR",
      rate: 1,
    });
    expect(await confirmPending(deps, dana.session, { eventId: id })).toMatchObject({
      state: "pending",
    });
    await control("/_sandbox/faults/graphql/clear", { operationName: "GetInterviews" });
    expect(await confirmPending(deps, dana.session, { eventId: id })).toMatchObject({
      state: "confirmed",
    });
    expect((await ledgerRow(id)).title).toBe("Final round");
  });

  it("the confirm route takes an eventId and finds no check for another employer's event", async () => {
    const id = await scheduled("Someone else's check");
    await failNext("SetInterviewTimezone", "apply-then-fail");
    expect(
      (await post("SetInterviewTimezone", { input: { id, timezone: "Asia/Kathmandu" } })).status,
    ).toBe(409);
    const call = confirmRoute;
    await expect(call({ eventId: id, attemptId: "x" })).rejects.toMatchObject({ status: 400 });
    await expect(call({ eventId: "" })).rejects.toMatchObject({ status: 400 });
    const globex = await bed.signIn("u-dana", "emp-globex-logistics");
    await expect(call({ eventId: id }, globex.session)).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    const answer = await call({ eventId: id });
    expect(await answer.json()).toEqual({ state: "confirmed", eventId: id });
    expect((await ledgerRow(id)).timezone).toBe("Asia/Kathmandu");
  });
});

describe(`the hourly job settles checks nobody finished (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  // A sign-in moves the user's one connection to its employer: Dana is back at Acme.
  beforeAll(async () => {
    dana = await bed.signIn("u-dana", ACME);
  });

  const job = () => {
    const jobDeps: LedgerReconcileDeps = {
      db: bed.handle.db,
      getInterviews: (session, ids) => bed.client.execute(session, "GetInterviews", { ids }),
      find: deps.find,
      sleep: deps.sleep,
      log: () => undefined,
    };
    return reconcileUpcomingInterviews(jobDeps);
  };

  /** The check as if its tab had closed longer ago than the job's bound. */
  const abandon = (id: string) =>
    bed.handle.db
      .update(pendingConfirmations)
      .set({ createdAt: new Date(Date.now() - ABANDONED_AFTER_MS - 60_000) })
      .where(eq(pendingConfirmations.id, id));

  async function pendingChangeOf(eventId: string) {
    const [row] = await bed.handle.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.indeedEventId, eventId));
    return row!;
  }

  const setConnectionStatus = (connectionId: string, status: "active" | "needs_reauth") =>
    bed.handle.db
      .update(indeedConnections)
      .set({ status })
      .where(eq(indeedConnections.id, connectionId));

  it("records an abandoned create Indeed made as its sender's, and waits while only a colleague's connection could look", async () => {
    await failNext("CreateInterview", "apply-then-fail");
    const title = "Abandoned, made";
    const attemptId = randomUUID();
    expect((await postCreate(createVariables(title, "noor@example.net"), attemptId)).status).toBe(
      409,
    );
    await abandon(attemptId);
    await bed.signIn("u-ivy", ACME);
    await setConnectionStatus(dana.session.connectionId, "needs_reauth");
    try {
      // Ivy's search might not show Dana's event: "not found" could make it twice.
      expect(await job()).toMatchObject({
        pendingConfirmed: 0,
        pendingNotFound: 0,
        pendingOpen: 1,
      });
    } finally {
      await setConnectionStatus(dana.session.connectionId, "active");
    }
    expect(await job()).toMatchObject({
      pendingConfirmed: 1,
      pendingNotFound: 0,
      pendingOpen: 0,
    });
    const [event] = await eventsTitled(title);
    const [row] = await bed.handle.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.id, attemptId));
    expect(row).toMatchObject({ state: "confirmed", indeedEventId: event!.id });
    expect(await ledgerRow(event!.id)).toMatchObject({
      title,
      createdByUserId: dana.session.userId,
    });
    const audits = await bed.handle.db
      .select({ action: auditEvents.action, userId: auditEvents.userId })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, event!.id));
    expect(audits.filter((audit) => audit.action === "interview.create")).toEqual([
      { action: "interview.create", userId: dana.session.userId },
    ]);
    expect(await job()).toMatchObject({ pendingConfirmed: 0 });
  });

  it("settles an abandoned change Indeed did not make as not made, and the event takes changes again", async () => {
    const id = await scheduled("Abandoned move");
    await failNext("RescheduleInterview", "fail");
    const moved = {
      startTime: `2031-06-${day}T18:00:00+00:00`,
      endTime: `2031-06-${day}T19:00:00+00:00`,
    };
    expect((await post("RescheduleInterview", { input: { id, ...moved } })).status).toBe(409);
    expect((await post("SetInterviewTitle", { input: { id, title: "Refused" } })).status).toBe(409);
    await abandon((await pendingChangeOf(id)).id);

    expect(await job()).toMatchObject({ pendingConfirmed: 0, pendingNotFound: 1, pendingOpen: 0 });
    expect(await pendingChangeOf(id)).toMatchObject({ state: "not_found", checks: MAX_CHECKS });
    expect((await post("RescheduleInterview", { input: { id, ...moved } })).status).toBe(200);
    expect((await ledgerRow(id)).startTime.toISOString()).toBe(
      new Date(moved.startTime).toISOString(),
    );
  });

  it("leaves a check younger than its bound to the user who may still be on it", async () => {
    const id = await scheduled("Being checked");
    await failNext("SetInterviewTitle", "apply-then-fail");
    expect((await post("SetInterviewTitle", { input: { id, title: "Checking" } })).status).toBe(
      409,
    );

    expect(await job()).toMatchObject({ pendingConfirmed: 0, pendingNotFound: 0, pendingOpen: 0 });
    expect(await pendingChangeOf(id)).toMatchObject({ state: "pending", checks: 0 });
    expect(await confirmPending(deps, dana.session, { eventId: id })).toMatchObject({
      state: "confirmed",
    });
  });

  it("keeps an abandoned check open, uncounted, while Indeed cannot be asked", async () => {
    const id = await scheduled("Zone changed, Indeed away");
    await failNext("SetInterviewTimezone", "apply-then-fail");
    expect(
      (await post("SetInterviewTimezone", { input: { id, timezone: "Asia/Kathmandu" } })).status,
    ).toBe(409);
    await abandon((await pendingChangeOf(id)).id);
    await control("/_sandbox/faults/graphql", {
      operationName: "GetInterviews",
      code: "DOWNSTREAM_SERVICE_ERROR",
      rate: 1,
    });

    expect(await job()).toMatchObject({ pendingConfirmed: 0, pendingNotFound: 0, pendingOpen: 1 });
    expect(await pendingChangeOf(id)).toMatchObject({ state: "pending", checks: 0 });

    await control("/_sandbox/faults/graphql/clear", { operationName: "GetInterviews" });
    expect(await job()).toMatchObject({ pendingConfirmed: 1, pendingNotFound: 0, pendingOpen: 0 });
    expect((await ledgerRow(id)).timezone).toBe("Asia/Kathmandu");
  });
});
