import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as SessionModule from "@/lib/auth/session";
import { fakeEmployerSession } from "@/lib/auth/testing";

const APP = "http://localhost:3000";

// The employer switch runs with a signed-in session and never reaches Indeed in these tests.
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const actual = await importOriginal<typeof SessionModule>();
  return {
    ...actual,
    withEmployer: ((handler, options) =>
      actual.withEmployer(handler, {
        ...options,
        getSession: async () => fakeEmployerSession(),
      })) as typeof actual.withEmployer,
  };
});

beforeAll(() => {
  vi.stubEnv("APP_URL", APP);
  vi.stubEnv("DATABASE_URL", "");
});

function post(path: string, body: BodyInit, headers: Record<string, string>) {
  return new Request(`${APP}${path}`, {
    method: "POST",
    headers: { origin: APP, ...headers },
    body,
  });
}

describe("session routes: body limits", () => {
  it("the employer switch answers 413 to a form over 8 KB", async () => {
    const { POST } = await import("./employer/route");
    const response = await POST(
      post("/api/session/employer", `employerId=${"x".repeat(20_000)}`, {
        "content-type": "application/x-www-form-urlencoded",
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large (at most 8 KB)" },
    });
  });

  it("the employer switch treats a malformed multipart form as no choice, not a 500", async () => {
    const { POST } = await import("./employer/route");
    const response = await POST(
      post("/api/session/employer", "garbage", { "content-type": "multipart/form-data" }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/account/employer-error?code=FORBIDDEN");
  });

  it("sign-out answers 413 to a body declared over 8 KB", async () => {
    const { POST } = await import("./sign-out/route");
    const response = await POST(
      post("/api/session/sign-out", "x", { "content-length": String(1024 * 1024) }),
    );
    expect(response.status).toBe(413);
  });
});
