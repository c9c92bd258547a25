import { beforeAll, describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";

const APP = "http://localhost:3000";

// The employer switch runs with a signed-in session and never reaches Indeed in these tests.
vi.mock("@/lib/auth/load-session", () => ({
  getEmployerSessionFromRequest: async () => fakeEmployerSession(),
}));

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

describe("session routes: body limits and refusals", () => {
  it("the employer switch answers 413 to a JSON body over 8 KB", async () => {
    const { POST } = await import("./employer/route");
    const response = await POST(
      post("/api/session/employer", JSON.stringify({ employerId: "x".repeat(20_000) }), {
        "content-type": "application/json",
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: "The request body is too large (at most 8 KB)",
        requestId: response.headers.get("x-request-id"),
      },
    });
  });

  it("the employer switch sends a browser's form over 8 KB to the problem page", async () => {
    const { POST } = await import("./employer/route");
    const response = await POST(
      post("/api/session/employer", `employerId=${"x".repeat(20_000)}`, {
        "content-type": "application/x-www-form-urlencoded",
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/problem?code=PAYLOAD_TOO_LARGE");
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

  it("sign-out sends another site's form post to the problem page, ending no session", async () => {
    const { POST } = await import("./sign-out/route");
    const response = await POST(
      post("/api/session/sign-out", "", {
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/problem?code=FORBIDDEN");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("sign-out answers another site's fetch with the JSON 403", async () => {
    const { POST } = await import("./sign-out/route");
    const response = await POST(post("/api/session/sign-out", "", { origin: "null" }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });
});
