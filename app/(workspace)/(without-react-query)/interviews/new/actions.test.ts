import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { AppError } from "@/lib/http/app-error";

const { executeOperation, findApplication } = vi.hoisted(() => ({
  executeOperation: vi.fn(),
  findApplication: vi.fn(),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://localhost:3000" }),
}));
vi.mock("@/lib/config", () => ({ config: () => ({ appUrl: "http://localhost:3000" }) }));
vi.mock("@/lib/auth/current-session", () => ({
  getEmployerSession: async () => fakeEmployerSession(),
}));
vi.mock("@/lib/operations", () => ({ executeOperation }));
vi.mock("@/lib/ats/application-queries", () => ({ findApplication }));
vi.mock("@/lib/db/client", () => ({ db: () => ({}) }));

const { createInterviewFormAction } = await import("./actions");

const ATTEMPT = "9b2f8a44-3a8e-4d7c-9a57-2f1f3c1e6b10";
const APPLICATION = "5c1d2e3f-4a5b-4c6d-8e7f-901234567890";

function post(intent: string, fields: Record<string, string | string[]> = {}): FormData {
  const form = new FormData();
  const all: Record<string, string | string[]> = {
    title: "Interview with Ada",
    date: "2027-02-10",
    startTime: "10:30",
    endDate: "2027-02-10",
    endTime: "11:15",
    timezone: "Asia/Kolkata",
    intervieweeName: "",
    intervieweeEmail: "",
    languageCode: "",
    countryCode: "",
    attemptId: ATTEMPT,
    intent,
    ...fields,
  };
  for (const [name, value] of Object.entries(all))
    for (const one of [value].flat()) form.append(name, one);
  return form;
}

/** What redirect() threw, or the action's answer. */
async function run(form: FormData) {
  try {
    return { state: await createInterviewFormAction({}, form) };
  } catch (error) {
    return { redirectedTo: String((error as { digest?: string }).digest).split(";")[2] };
  }
}

describe("createInterviewFormAction", () => {
  it("check: answers the variables with the application's job, and sends nothing to Indeed", async () => {
    executeOperation.mockClear();
    findApplication.mockResolvedValueOnce({
      id: APPLICATION,
      job: { externalId: "JOB-ENG", title: "Engineer" },
    });
    const { state } = await run(post("check", { applicationId: APPLICATION }));
    expect(findApplication).toHaveBeenCalledWith({}, "emp-acme-robotics", APPLICATION);
    expect(state?.fieldErrors).toEqual({});
    expect(state?.variables?.input).toMatchObject({
      startTime: "2027-02-10T10:30:00+05:30",
      requestMetadata: { jobId: "JOB-ENG", jobTitle: "Engineer" },
    });
    expect(executeOperation).not.toHaveBeenCalled();
  });

  it("check: answers each refused field's message and the values sent, the user counted", async () => {
    const { state } = await run(
      post("check", { title: " ", interviewers: ["dana@acme-robotics.example", "x@"] }),
    );
    expect(state?.variables).toBeUndefined();
    expect(state?.fieldErrors).toEqual({
      title: "Enter a title.",
      interviewers: "x@: Enter a valid email address, like name@example.com.",
    });
    expect(state?.values?.title).toBe(" ");
  });

  it("length: answers the end that many minutes after the start", async () => {
    const { state } = await run(post("length", { minutes: "90" }));
    expect(state).toEqual({ end: { endDate: "2027-02-10", endTime: "12:00" } });
  });

  it("schedule (no JavaScript): creates under the attempt id with the typed address, then opens the event", async () => {
    findApplication.mockResolvedValueOnce(undefined);
    executeOperation.mockReset();
    executeOperation.mockResolvedValueOnce({
      createVirtualInterviewEvent: { event: { id: "ev/1", title: "Interview with Ada" } },
    });
    const result = await run(
      post("schedule", { interviewersDraft: "ivy@acme.example", applicationId: "APP-9" }),
    );
    expect(result.redirectedTo).toBe("/interviews/ev%2F1");
    const [, name, variables, context] = executeOperation.mock.calls[0]!;
    expect(name).toBe("CreateInterview");
    expect(variables.input.interviewers).toEqual([{ email: "ivy@acme.example" }]);
    // An application that is not the employer's is not linked.
    expect(context).toEqual({ attemptId: ATTEMPT });
  });

  it("schedule: Indeed's refusal of a field comes back at that field, with what was typed", async () => {
    executeOperation.mockReset();
    executeOperation.mockRejectedValueOnce(
      new AppError("BAD_USER_INPUT", "Indeed refused the input", {
        fieldErrors: { "input.startTime": "startTime must not be in the past" },
      }),
    );
    const { state } = await run(post("schedule", { date: "2020-01-01", endDate: "2020-01-01" }));
    expect(state?.fieldErrors).toEqual({ startTime: "startTime must not be in the past" });
    expect(state?.values?.date).toBe("2020-01-01");
  });

  it("schedule: any other failure is the form's message, entries kept", async () => {
    executeOperation.mockReset();
    executeOperation.mockRejectedValueOnce(new AppError("RATE_LIMITED"));
    const { state } = await run(post("schedule"));
    expect(state?.fieldErrors?.root).toMatch(/Your entries are still here\.$/);
    expect(state?.values?.title).toBe("Interview with Ada");
  });
});
