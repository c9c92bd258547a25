import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { findOperation } from "@/lib/indeed/operation";
import { interviewOperations as operations } from "./index";

const start = "2030-01-15T14:30:00+00:00";
const end = "2030-01-15T15:30:00+00:00";
const byName = Object.fromEntries(operations.map((op) => [op.name, op])) as {
  [Op in (typeof operations)[number] as Op["name"]]: Op;
};
const validCreate = {
  input: {
    startTime: start,
    endTime: end,
    title: "Interview with Robin",
    timezone: "America/New_York",
    interviewers: [{ email: "ana@acme-robotics.example" }],
    interviewee: { name: "Robin Park", email: "robin.park@example.net" },
  },
};

describe("the interview operations", () => {
  it("holds exactly the operations the UI uses, each with its kind", () => {
    expect(Object.fromEntries(operations.map((op) => [op.name, op.kind]))).toEqual({
      CreateInterview: "mutation",
      RescheduleInterview: "mutation",
      AddInterviewers: "mutation",
      AddInterviewee: "mutation",
      SetInterviewTitle: "mutation",
      SetInterviewTimezone: "mutation",
      CancelInterview: "mutation",
      GetInterviews: "query",
      FindInterviews: "query",
      FindReviews: "query",
    });
  });

  it("finds registered names only (no prototype keys, no raw documents)", () => {
    expect(findOperation(operations, "CreateInterview")?.name).toBe("CreateInterview");
    for (const name of [
      "__proto__",
      "constructor",
      "toString",
      "IntrospectionQuery",
      "query { __schema { types { name } } }",
      3,
      undefined,
    ]) {
      expect(findOperation(operations, name)).toBeUndefined();
    }
  });

  it("names each document's operation like its entry, with the same kind", () => {
    for (const op of operations) {
      const definition = op.document.definitions.find((d) => d.kind === "OperationDefinition");
      expect(definition && "name" in definition ? definition.name?.value : undefined).toBe(op.name);
      expect(definition && "operation" in definition ? definition.operation : undefined).toBe(
        op.kind,
      );
    }
  });

  it("accepts a valid create and adds requestMetadata from the server's side", () => {
    const op = byName.CreateInterview;
    const parsed = op.variables.parse({
      ...validCreate,
      input: { ...validCreate.input, requestMetadata: { jobId: "J-1" } },
    });
    const env = { session: fakeEmployerSession(), atsName: "Lobby" };
    expect(op.prepare(parsed, { ...env, schemaExtensions: true }).input.requestMetadata).toEqual({
      jobId: "J-1",
      atsName: "Lobby",
      employerName: "Acme Robotics",
    });
  });

  it("sends only what the guide shows without the schema extensions: no job, no sort", () => {
    const env = { session: fakeEmployerSession(), atsName: "Lobby", schemaExtensions: false };
    const create = byName.CreateInterview;
    const withJob = create.variables.parse({
      ...validCreate,
      input: { ...validCreate.input, requestMetadata: { jobId: "J-1", jobTitle: "Welder" } },
    });
    expect(create.prepare(withJob, env).input.requestMetadata).toEqual({
      atsName: "Lobby",
      employerName: "Acme Robotics",
    });

    const find = byName.FindInterviews;
    const sorted = find.variables.parse({
      first: 20,
      input: {
        startTime: { after: "2030-01-01T00:00:00Z" },
        sort: { field: "END_TIME", direction: "DESC" },
      },
    });
    expect(find.prepare(sorted, env)).toEqual({
      first: 20,
      input: { startTime: { after: "2030-01-01T00:00:00Z" } },
    });
    expect(find.prepare(sorted, { ...env, schemaExtensions: true }).input.sort).toEqual({
      field: "END_TIME",
      direction: "DESC",
    });
  });

  it("does not let a caller set atsName or employerName", () => {
    const result = byName.CreateInterview.variables.safeParse({
      input: {
        ...validCreate.input,
        requestMetadata: { atsName: "Spoofed", employerName: "Other Co" },
      },
    });
    expect(result.success).toBe(false);
  });

  it("refuses an event longer than 24 hours or ending before it starts, on input.endTime", () => {
    for (const endTime of ["2030-01-16T14:30:01+00:00", "2030-01-15T14:00:00+00:00"]) {
      const result = byName.CreateInterview.variables.safeParse({
        input: { ...validCreate.input, endTime },
      });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["input", "endTime"]);
    }
  });

  it("refuses times without an offset, unknown time zones, bad emails and unknown keys", () => {
    const bad = [
      { ...validCreate.input, startTime: "2030-01-15T14:30:00" },
      { ...validCreate.input, timezone: "Mars/Olympus" },
      { ...validCreate.input, interviewers: [{ email: "not-an-email" }] },
      {
        ...validCreate.input,
        interviewers: Array.from({ length: 49 }, (_, i) => ({ email: `i${i}@x.example` })),
      },
      { ...validCreate.input, extra: true },
    ];
    for (const input of bad)
      expect(byName.CreateInterview.variables.safeParse({ input }).success).toBe(false);
  });

  it("validates the update, cancel and read operations", () => {
    expect(
      byName.RescheduleInterview.variables.safeParse({
        input: { id: "abc", startTime: start, endTime: end },
      }).success,
    ).toBe(true);
    expect(
      byName.AddInterviewers.variables.safeParse({ input: { id: "abc", interviewers: [] } })
        .success,
    ).toBe(false);
    expect(
      byName.AddInterviewee.variables.safeParse({
        input: { id: "abc", interviewee: { name: "R", email: "r@x.example" } },
      }).success,
    ).toBe(true);
    expect(
      byName.SetInterviewTitle.variables.safeParse({ input: { id: "abc", title: "  " } }).success,
    ).toBe(false);
    expect(
      byName.SetInterviewTimezone.variables.safeParse({
        input: { id: "abc", timezone: "Asia/Kathmandu" },
      }).success,
    ).toBe(true);
    expect(byName.CancelInterview.variables.safeParse({ input: { id: "" } }).success).toBe(false);
    expect(byName.GetInterviews.variables.safeParse({ ids: [] }).success).toBe(false);
    expect(
      byName.GetInterviews.variables.safeParse({
        ids: Array.from({ length: 101 }, (_, i) => `id-${i}`),
      }).success,
    ).toBe(false);
    expect(
      byName.FindInterviews.variables.safeParse({
        first: 20,
        input: { startTime: { after: start } },
      }).success,
    ).toBe(true);
    expect(byName.FindInterviews.variables.safeParse({ first: 1000, input: {} }).success).toBe(
      false,
    );
    expect(
      byName.FindInterviews.variables.safeParse({ input: { sort: { field: "NAME" } } }).success,
    ).toBe(false);
  });
});

describe("the interview operations' onSuccess hooks", () => {
  const session = fakeEmployerSession();
  const event = { id: "event-1", title: "Interview with Robin", timezone: "UTC" };
  function ledgerContext() {
    const ledger = {
      recordInterviewCreated: vi.fn(async () => undefined),
      recordInterviewUpdated: vi.fn(async () => undefined),
      recordInterviewCanceled: vi.fn(async () => undefined),
      refuseCreateWhilePending: vi.fn(async () => undefined),
      recordCreateOutcomeUnknown: vi.fn(async () => new AppError("OUTCOME_UNKNOWN")),
      settleCreateAttempt: vi.fn(async () => undefined),
      refuseChangeWhilePending: vi.fn(async () => undefined),
      recordChangeOutcomeUnknown: vi.fn(async () => new AppError("OUTCOME_UNKNOWN")),
    };
    const ctx = { tx: {} as Transaction, session, services: { ledger } };
    return { ctx, ledger };
  }
  const actor = { userId: session.userId, employer: { id: session.employer.id } };

  it("record a create with the application and the zone through the injected ledger", async () => {
    const { ctx, ledger } = ledgerContext();
    const variables = byName.CreateInterview.variables.parse(validCreate);
    await byName.CreateInterview.onSuccess?.(
      ctx,
      variables,
      { createVirtualInterviewEvent: { event } } as never,
      { applicationId: "a1" },
    );
    expect(ledger.recordInterviewCreated).toHaveBeenCalledWith(ctx.tx, actor, event, {
      applicationId: "a1",
      fallbackTimezone: "America/New_York",
    });
  });

  it("refuse a create while one is unconfirmed, and record one whose outcome is unknown", async () => {
    const { ctx, ledger } = ledgerContext();
    const variables = byName.CreateInterview.variables.parse(validCreate);
    const attemptId = "6f1c1f0e-8a59-4d7e-9d0e-2a3b4c5d6e7f";
    await byName.CreateInterview.beforeSend?.(ctx, variables, { applicationId: "a1", attemptId });
    expect(ledger.refuseCreateWhilePending).toHaveBeenCalledWith(ctx.tx, actor, {
      applicationId: "a1",
      attemptId,
      intervieweeEmail: variables.input.interviewee?.email,
    });
    const sent = { input: { title: "t" } };
    const error = await byName.CreateInterview.onOutcomeUnknown?.(ctx, variables, sent, {
      attemptId,
    });
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", status: 409 });
    expect(ledger.recordCreateOutcomeUnknown).toHaveBeenCalledWith(
      ctx.tx,
      actor,
      { attemptId, intervieweeEmail: variables.input.interviewee?.email },
      sent,
    );
  });

  it("refuse a change of an event while one is unconfirmed, and record one whose outcome is unknown", async () => {
    const { ctx, ledger } = ledgerContext();
    const changes = [
      ["RescheduleInterview", { input: { id: "event-1", startTime: start, endTime: end } }],
      ["AddInterviewers", { input: { id: "event-1", interviewers: [{ email: "a@x.example" }] } }],
      [
        "AddInterviewee",
        { input: { id: "event-1", interviewee: { name: "R", email: "r@x.example" } } },
      ],
      ["SetInterviewTitle", { input: { id: "event-1", title: "New" } }],
      ["SetInterviewTimezone", { input: { id: "event-1", timezone: "Asia/Kathmandu" } }],
      ["CancelInterview", { input: { id: "event-1" } }],
    ] as const;
    for (const [name, variables] of changes) {
      const operation = byName[name];
      await operation.beforeSend?.(ctx, variables as never, undefined as never);
      expect(ledger.refuseChangeWhilePending).toHaveBeenLastCalledWith(ctx.tx, actor, "event-1");
      const context = name === "CancelInterview" ? { reason: "Filled" } : undefined;
      const error = await operation.onOutcomeUnknown?.(
        ctx,
        variables as never,
        variables,
        context as never,
      );
      expect(error, name).toMatchObject({ code: "OUTCOME_UNKNOWN", status: 409 });
      expect(ledger.recordChangeOutcomeUnknown).toHaveBeenLastCalledWith(
        ctx.tx,
        actor,
        { operationName: name, eventId: "event-1", context },
        variables,
      );
    }
    expect(ledger.recordChangeOutcomeUnknown).toHaveBeenCalledTimes(changes.length);
  });

  it("record each change with its kind, and a cancel with its reason", async () => {
    const { ctx, ledger } = ledgerContext();
    const input = { input: { id: "event-1", title: "New" } };
    await byName.SetInterviewTitle.onSuccess?.(
      ctx,
      input,
      { updateVirtualInterviewEvent: { event } } as never,
      undefined,
    );
    expect(ledger.recordInterviewUpdated).toHaveBeenCalledWith(
      ctx.tx,
      actor,
      "set_title",
      event,
      input,
    );
    await byName.CancelInterview.onSuccess?.(
      ctx,
      { input: { id: "event-1" } },
      { cancelVirtualInterviewEvent: { event } } as never,
      { reason: "Filled" },
    );
    expect(ledger.recordInterviewCanceled).toHaveBeenCalledWith(ctx.tx, actor, event, {
      reason: "Filled",
    });
  });

  it("refuse an answer without an event", async () => {
    const { ctx } = ledgerContext();
    await expect(
      byName.RescheduleInterview.onSuccess?.(
        ctx,
        { input: { id: "event-1", startTime: start, endTime: end } },
        { updateVirtualInterviewEvent: null } as never,
        undefined,
      ),
    ).rejects.toThrow("Indeed's RescheduleInterview response has no event");
  });
});
