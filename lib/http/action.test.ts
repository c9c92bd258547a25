import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { AppError } from "./app-error";
import { action, type ActionOptions } from "./action";

const APP = "http://localhost:3000";

interface State {
  error?: string;
  code?: string;
  done?: string;
}

function wrapped(
  handler: (input: string) => Promise<State>,
  options: Partial<ActionOptions<[string], State>> = {},
) {
  const log = vi.fn();
  const run = action<[string], State>(
    {
      auth: "employer",
      appUrl: APP,
      getSession: async () => fakeEmployerSession(),
      requestHeaders: async () => new Headers({ origin: APP }),
      log,
      onError: (error, { requestId }, input) => ({
        error: `${error.message} [${requestId}] (${input})`,
        code: error.code,
      }),
      ...options,
    },
    async ({ session }, input) => handler(`${session.employer.id}:${input}`),
  );
  return { run, log };
}

describe("the server action wrapper", () => {
  it("runs the action with the session", async () => {
    const { run } = wrapped(async (input) => ({ done: input }));
    expect(await run("x")).toEqual({ done: "emp-acme-robotics:x" });
  });

  it("refuses a cross-site post", async () => {
    const handler = vi.fn(async () => ({}));
    const { run } = wrapped(handler, {
      requestHeaders: async () => new Headers({ origin: "https://evil.example" }),
    });
    expect(await run("x")).toMatchObject({ code: "FORBIDDEN" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("says NOT_SIGNED_IN without a session and FORBIDDEN for a lost employer", async () => {
    expect(
      await wrapped(async () => ({}), { getSession: async () => null }).run("x"),
    ).toMatchObject({ code: "NOT_SIGNED_IN" });
    const lost = async () => fakeEmployerSession({ employerAccess: false });
    expect(await wrapped(async () => ({}), { getSession: lost }).run("x")).toMatchObject({
      code: "FORBIDDEN",
      error: expect.stringContaining("You no longer have access to Acme Robotics"),
    });
  });

  it("hands a thrown AppError to onError with the action's arguments", async () => {
    const { run } = wrapped(async () => {
      throw new AppError("BAD_USER_INPUT", "Line 2: a quote must start its field");
    });
    expect(await run("input")).toMatchObject({
      code: "BAD_USER_INPUT",
      error: expect.stringMatching(/^Line 2: a quote must start its field \[.+\] \(input\)$/),
    });
  });

  it("logs anything else and hands onError INTERNAL_ERROR, never the error's text", async () => {
    const { run, log } = wrapped(async () => {
      throw new Error("postgres://secret@db");
    });
    const state = await run("x");
    expect(state.code).toBe("INTERNAL_ERROR");
    expect(state.error).not.toMatch(/secret/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("unexpected Error"));
  });

  it("lets Next's redirect() through", async () => {
    const { redirect } = await import("next/navigation");
    const { run } = wrapped(async () => redirect("/applications"));
    await expect(run("x")).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});
