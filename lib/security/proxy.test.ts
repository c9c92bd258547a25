import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

// A small budget, and one trusted proxy so that each test is its own client.
beforeAll(() => {
  vi.stubEnv("RATE_LIMIT_AUTH_PER_MINUTE", "3");
  vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
  vi.stubEnv("DATABASE_URL", "");
});

const { proxy, config } = await import("@/proxy");

function request(
  path: string,
  init: { ip?: string; accept?: string; headers?: Record<string, string> } = {},
) {
  return new NextRequest(new URL(path, "http://localhost:3000"), {
    headers: {
      "x-forwarded-for": `198.51.100.1, ${init.ip ?? "203.0.113.1"}`,
      accept: init.accept ?? "text/html",
      ...init.headers,
    },
  });
}

describe("proxy: malformed paths never reach the router", () => {
  it.each([
    "/interviews/%",
    "/interviews/%zz",
    "/applications/%",
    "/applications/%00",
    `/interviews/${"a".repeat(5_000)}`,
  ])("renders the 404 page for %s", async (path) => {
    const response = await proxy(request(path));
    expect(response.headers.get("x-middleware-rewrite")).toBe(
      "http://localhost:3000/_lobby/not-found",
    );
    expect(response.headers.get("content-security-policy")).toContain("nonce-");
  });

  it.each(["/api/indeed/graphql/%", "/api/auth/%zz", `/api/${"a".repeat(5_000)}`])(
    "answers 400 JSON for %s",
    async (path) => {
      const response = await proxy(request(path, { accept: "application/json" }));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: "INVALID_REQUEST",
          message: "The address is not valid",
          requestId: response.headers.get("x-request-id"),
        },
      });
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    },
  );

  it("lets a well-formed id through to the page", async () => {
    const response = await proxy(request("/interviews/aXJpOi8v%3D"));
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: the sign-in machinery is rate limited per client IP", () => {
  it("answers the 4th sign-in page view in a minute with a 429 page and Retry-After", async () => {
    const ip = "203.0.113.10";
    for (let i = 0; i < 3; i++) {
      expect((await proxy(request("/signin", { ip }))).status).toBe(200);
    }
    const refused = await proxy(request("/signin", { ip }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toContain("text/html");
    const html = await refused.text();
    expect(html).toContain("<h1>Too many sign-in attempts</h1>");
    expect(html).toMatch(/wait (\d+ seconds?|1 minute), then try again/);
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers next-auth's fetch calls with the JSON error", async () => {
    const ip = "203.0.113.11";
    for (let i = 0; i < 3; i++) await proxy(request("/api/auth/csrf", { ip, accept: "*/*" }));
    const refused = await proxy(request("/api/auth/callback/indeed", { ip, accept: "*/*" }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(
      /^Too many requests in a short time; wait (\d+ seconds?|1 minute)/,
    );
  });

  it("counts each client separately", async () => {
    for (let i = 0; i < 3; i++) await proxy(request("/signin", { ip: "203.0.113.12" }));
    expect((await proxy(request("/signin", { ip: "203.0.113.12" }))).status).toBe(429);
    expect((await proxy(request("/signin", { ip: "203.0.113.13" }))).status).toBe(200);
  });

  it("does not limit the rest of the app", async () => {
    const ip = "203.0.113.14";
    for (let i = 0; i < 10; i++) {
      expect((await proxy(request("/applications", { ip }))).status).toBe(200);
    }
  });

  it("refuses a large body to next-auth with 413 before spending any budget", async () => {
    const response = await proxy(
      request("/api/auth/signin/indeed", {
        ip: "203.0.113.15",
        accept: "application/json",
        headers: { "content-length": String(1024 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
  });
});

describe("proxy: server action bodies", () => {
  it("refuses an action declared over 3 MB with 413 instead of Next's 500", async () => {
    const response = await proxy(
      request("/applications/import", {
        accept: "text/x-component",
        headers: { "next-action": "abc123", "content-length": String(4 * 1024 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
  });

  it("lets a 2 MB CSV import through to the action, which checks it itself", async () => {
    const response = await proxy(
      request("/applications/import", {
        headers: { "next-action": "abc123", "content-length": String(2 * 1024 * 1024 + 4096) },
      }),
    );
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: route handlers", () => {
  it("secures an API answer without rewriting the request's headers (no page, no nonce to apply)", async () => {
    const response = await proxy(request("/api/interviews/export", { accept: "application/json" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-middleware-override-headers")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src");
  });

  it("still hands a page its nonce and return path", async () => {
    const response = await proxy(request("/interviews?view=week"));
    expect(response.headers.get("x-middleware-override-headers")).toContain("x-nonce");
    expect(response.headers.get("x-middleware-request-x-lobby-path")).toBe("/interviews?view=week");
  });
});

describe("proxy: what it runs for", () => {
  const runsFor = (url: string) =>
    unstable_doesMiddlewareMatch({ config, url: `http://localhost:3000${url}` });

  it("leaves out only the GraphQL route's exact path (lib/http/route.ts secures it)", () => {
    expect(runsFor("/api/indeed/graphql")).toBe(false);
    expect(runsFor("/api/indeed/graphql?x=1")).toBe(false);
  });

  it.each([
    "/",
    "/interviews",
    "/api/indeed/graphql/%",
    "/api/indeed/graphqlx",
    "/api/indeed/graphql/extra",
    "/api/auth/signin/indeed",
    "/api/interviews/export",
    "/x/api/indeed/graphql",
  ])("runs for %s", (path) => {
    expect(runsFor(path)).toBe(true);
  });
});
