import { describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { TokenServiceError } from "@/lib/auth/tokens";
import { AppError } from "./app-error";
import { route, type RouteOptions } from "./route";

const APP = "http://localhost:3000";

function post(headers: Record<string, string> = {}, body: BodyInit | null = "{}") {
  return new Request(`${APP}/api/x`, {
    method: "POST",
    headers: { origin: APP, "content-type": "application/json", ...headers },
    body,
  });
}

function guarded(
  options: Partial<RouteOptions> = {},
  handler: () => Promise<Response> | Response = () => Response.json({ ok: true }),
) {
  const log = vi.fn();
  const spy = vi.fn(handler);
  const wrapped = route(
    {
      auth: "employer",
      appUrl: APP,
      getSession: async () => fakeEmployerSession(),
      log,
      ...options,
    } as RouteOptions & { auth: "employer" },
    spy,
  );
  return { wrapped, handler: spy, log };
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: Record<string, unknown> }).error;
}

describe("the route wrapper", () => {
  it("calls the handler with the session, a request id and the params, and tags the answer", async () => {
    const { wrapped, handler } = guarded();
    const response = await wrapped(post(), { params: Promise.resolve({ id: "7" }) });
    expect(response.status).toBe(200);
    const context = (handler.mock.calls[0] as unknown[])[1] as Record<string, unknown>;
    expect(context).toMatchObject({
      session: { employer: { id: "emp-acme-robotics" } },
      params: { id: "7" },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(response.headers.get("x-request-id")).toBe(context.requestId);
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ])(
    "refuses a cross-site post (%s) with 403 before looking at the session",
    async (_n, headers) => {
      const getSession = vi.fn(async () => fakeEmployerSession());
      const { wrapped, handler } = guarded({ getSession });
      const response = await wrapped(post(headers));
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({
        code: "FORBIDDEN",
        message: "Cross-site requests are not allowed",
      });
      expect(getSession).not.toHaveBeenCalled();
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it("lets a same-site GET through without an Origin", async () => {
    const { wrapped } = guarded();
    expect((await wrapped(new Request(`${APP}/api/x`))).status).toBe(200);
  });

  it("answers 401 NOT_SIGNED_IN without a session", async () => {
    const { wrapped, handler } = guarded({ getSession: async () => null });
    const response = await wrapped(post());
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({
      code: "NOT_SIGNED_IN",
      requestId: response.headers.get("x-request-id"),
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 when the session's employer is no longer the user's, unless the route is the way out", async () => {
    const lost = async () => fakeEmployerSession({ employerAccess: false });
    const refused = await guarded({ getSession: lost }).wrapped(post());
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      code: "FORBIDDEN",
      message: "You no longer have access to Acme Robotics",
    });
    const wayOut = guarded({ getSession: lost, allowLostEmployer: true });
    expect((await wayOut.wrapped(post())).status).toBe(200);
  });

  it("needs no session for auth: none", async () => {
    const getSession = vi.fn(async () => null);
    const wrapped = route({ auth: "none", appUrl: APP, getSession }, () => new Response("ok"));
    expect((await wrapped(post())).status).toBe(200);
    expect(getSession).not.toHaveBeenCalled();
  });

  it("answers 413 PAYLOAD_TOO_LARGE to a body over the limit, declared or streamed", async () => {
    const { wrapped, handler } = guarded({ bodyLimit: 1024 });
    const declared = await wrapped(post({ "content-length": String(1024 * 1024) }, "{}"));
    expect(declared.status).toBe(413);
    expect(await errorOf(declared)).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "The request body is too large (at most 1 KB)",
    });
    const streamed = await wrapped(post({}, "x".repeat(5000)));
    expect(streamed.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives the handler a body read under the limit", async () => {
    const wrapped = route({ auth: "none", appUrl: APP, bodyLimit: 1024 }, async (request) =>
      Response.json(await request.json()),
    );
    expect(await (await wrapped(post({}, '{"a":1}'))).json()).toEqual({ a: 1 });
  });

  it("hands the bytes read under the limit as context.body, the request as it came, with bodyBytes", async () => {
    const incoming = post({}, '{"a":1}');
    const wrapped = route(
      { auth: "none", appUrl: APP, bodyLimit: 1024, bodyBytes: true },
      (request, context) => {
        expect(request).toBe(incoming);
        return Response.json(JSON.parse(context.body!.toString("utf8")));
      },
    );
    expect(await (await wrapped(incoming)).json()).toEqual({ a: 1 });
    expect((await wrapped(post({}, "x".repeat(5000)))).status).toBe(413);
  });

  it("sets the security headers on answers and refusals when the proxy does not run", async () => {
    const { wrapped } = guarded({ securityHeaders: true, methods: ["POST"] });
    for (const response of [
      await wrapped(post()),
      await wrapped(post({ origin: "https://evil.example" })),
    ]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-request-id")).toBeTruthy();
    }
    const { wrapped: plain } = guarded();
    expect((await plain(post())).headers.get("x-content-type-options")).toBeNull();
  });

  it("answers 405 with Allow to a method the route does not take", async () => {
    const { wrapped } = guarded({ methods: ["POST"] });
    const response = await wrapped(new Request(`${APP}/api/x`, { method: "GET" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await errorOf(response)).code).toBe("METHOD_NOT_ALLOWED");
  });

  it("answers a thrown AppError as itself, with Retry-After", async () => {
    const { wrapped } = guarded({}, () => {
      throw new AppError("RATE_LIMITED", "Wait a bit", { retryAfterSeconds: 9 });
    });
    const response = await wrapped(post());
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("9");
    expect(await errorOf(response)).toEqual({
      code: "RATE_LIMITED",
      message: "Wait a bit",
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("maps the token service's errors in the one mapper", async () => {
    const { wrapped } = guarded({}, () => {
      throw new TokenServiceError("RECONNECT_REQUIRED", "Reconnect to Indeed to continue");
    });
    const response = await wrapped(post());
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("RECONNECT_REQUIRED");
  });

  it("answers anything else 500 INTERNAL_ERROR with the request id, logged, with no stack or detail", async () => {
    const { wrapped, log } = guarded({}, () => {
      throw new Error("connection string postgres://secret@db");
    });
    const response = await wrapped(post());
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id");
    const body = await response.json();
    expect(body).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Something went wrong; try again", requestId },
    });
    expect(JSON.stringify(body)).not.toMatch(/secret|postgres|stack|at /);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`${requestId} unexpected Error`));
  });

  it("answers a session lookup that fails like any other failure: 500, not Next's page", async () => {
    const { wrapped } = guarded({
      getSession: async () => {
        throw new Error("database down");
      },
    });
    expect((await wrapped(post())).status).toBe(500);
  });

  it("sends a browser's form post to the problem page when the route serves forms", async () => {
    const { wrapped } = guarded({ pages: true, getSession: async () => null });
    const form = await wrapped(
      post({ "content-type": "application/x-www-form-urlencoded" }, "a=1"),
    );
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/problem?code=NOT_SIGNED_IN");
    const api = await wrapped(post());
    expect(api.status).toBe(401);
  });

  it("answers a form post to an API-only route with JSON", async () => {
    const { wrapped } = guarded({ getSession: async () => null });
    const response = await wrapped(
      post({ "content-type": "application/x-www-form-urlencoded" }, "a=1"),
    );
    expect(response.status).toBe(401);
  });

  it("lets Next's redirect() through", async () => {
    const { redirect } = await import("next/navigation");
    const { wrapped } = guarded({}, () => redirect("/elsewhere"));
    await expect(wrapped(post())).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});
