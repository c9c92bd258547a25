import { describe, expect, it } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing";
import { findOperation, operations } from "./registry";

const start = "2030-01-15T14:30:00+00:00";
const end = "2030-01-15T15:30:00+00:00";
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

describe("the operation registry", () => {
  it("holds exactly the operations the UI uses, each with its kind", () => {
    expect(Object.fromEntries(Object.values(operations).map((op) => [op.name, op.kind]))).toEqual({
      CreateInterview: "mutation",
      RescheduleInterview: "mutation",
      AddInterviewers: "mutation",
      AddInterviewee: "mutation",
      SetInterviewTitle: "mutation",
      SetInterviewTimezone: "mutation",
      CancelInterview: "mutation",
      GetInterviews: "query",
      FindInterviews: "query",
    });
  });

  it("finds registered names only (no prototype keys, no raw documents)", () => {
    expect(findOperation("CreateInterview")?.name).toBe("CreateInterview");
    for (const name of [
      "__proto__",
      "constructor",
      "toString",
      "IntrospectionQuery",
      "query { __schema { types { name } } }",
      3,
      undefined,
    ]) {
      expect(findOperation(name)).toBeUndefined();
    }
  });

  it("names each document's operation like its registry entry", () => {
    for (const op of Object.values(operations)) {
      const definition = op.document.definitions.find((d) => d.kind === "OperationDefinition");
      expect(definition && "name" in definition ? definition.name?.value : undefined).toBe(op.name);
    }
  });

  it("accepts a valid create and adds requestMetadata from the server's side", () => {
    const op = operations.CreateInterview;
    const parsed = op.variables.parse({
      ...validCreate,
      input: { ...validCreate.input, requestMetadata: { jobId: "J-1" } },
    });
    const prepared = op.prepare(parsed, { session: fakeEmployerSession(), atsName: "Lobby" });
    expect(prepared.input.requestMetadata).toEqual({
      jobId: "J-1",
      atsName: "Lobby",
      employerName: "Acme Robotics",
    });
  });

  it("does not let a caller set atsName or employerName", () => {
    const result = operations.CreateInterview.variables.safeParse({
      input: {
        ...validCreate.input,
        requestMetadata: { atsName: "Spoofed", employerName: "Other Co" },
      },
    });
    expect(result.success).toBe(false);
  });

  it("refuses an event longer than 24 hours or ending before it starts, on input.endTime", () => {
    for (const endTime of ["2030-01-16T14:30:01+00:00", "2030-01-15T14:00:00+00:00"]) {
      const result = operations.CreateInterview.variables.safeParse({
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
      expect(operations.CreateInterview.variables.safeParse({ input }).success).toBe(false);
  });

  it("validates the update, cancel and read operations", () => {
    expect(
      operations.RescheduleInterview.variables.safeParse({
        input: { id: "abc", startTime: start, endTime: end },
      }).success,
    ).toBe(true);
    expect(
      operations.AddInterviewers.variables.safeParse({ input: { id: "abc", interviewers: [] } })
        .success,
    ).toBe(false);
    expect(
      operations.AddInterviewee.variables.safeParse({
        input: { id: "abc", interviewee: { name: "R", email: "r@x.example" } },
      }).success,
    ).toBe(true);
    expect(
      operations.SetInterviewTitle.variables.safeParse({ input: { id: "abc", title: "  " } })
        .success,
    ).toBe(false);
    expect(
      operations.SetInterviewTimezone.variables.safeParse({
        input: { id: "abc", timezone: "Asia/Kathmandu" },
      }).success,
    ).toBe(true);
    expect(operations.CancelInterview.variables.safeParse({ input: { id: "" } }).success).toBe(
      false,
    );
    expect(operations.GetInterviews.variables.safeParse({ ids: [] }).success).toBe(false);
    expect(
      operations.GetInterviews.variables.safeParse({
        ids: Array.from({ length: 101 }, (_, i) => `id-${i}`),
      }).success,
    ).toBe(false);
    expect(
      operations.FindInterviews.variables.safeParse({
        first: 20,
        input: { startTime: { after: start } },
      }).success,
    ).toBe(true);
    expect(operations.FindInterviews.variables.safeParse({ first: 1000, input: {} }).success).toBe(
      false,
    );
    expect(
      operations.FindInterviews.variables.safeParse({ input: { sort: { field: "NAME" } } }).success,
    ).toBe(false);
  });
});
