import { beforeAll, describe, expect, it, vi } from "vitest";
import { fakeEmployerSession } from "@/lib/auth/testing.test-support";
import { handleGraphqlRequest, type GraphqlRouteDeps } from "@/lib/indeed/route-handler";
import { operations } from "@/lib/operations";
import { memoryRateLimiter } from "./rate-limit";

const APP = "http://localhost:3000";

// Before the first request of this file: the route reads the process's config once (its
// security headers), and the limiter's budget comes from it.
beforeAll(() => {
  vi.stubEnv("RATE_LIMIT_GRAPHQL_PER_MINUTE", "5");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("APP_URL", APP);
});
const read = { operationName: "GetInterviews", variables: { ids: ["abc"] } };
const cancel = { operationName: "CancelInterview", variables: { input: { id: "abc" } } };

function post(body: unknown) {
  return new Request(`${APP}/api/indeed/graphql`, {
    method: "POST",
    headers: { origin: APP, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

function deps(points: number, userId = "00000000-0000-4000-8000-000000000001") {
  const execute = vi.fn(async () => ({ virtualInterviewEvents: { events: [] } }));
  return {
    execute,
    deps: {
      appUrl: APP,
      getSession: async () => fakeEmployerSession({ userId }),
      client: { execute: execute as unknown as GraphqlRouteDeps["client"]["execute"] },
      operations,
      limiter: memoryRateLimiter({ name: `graphql-${points}`, points, durationSeconds: 60 }),
      log: () => undefined,
    } satisfies GraphqlRouteDeps,
  };
}

describe("POST /api/indeed/graphql: the per-user budget", () => {
  it("answers 429 RATE_LIMITED with Retry-After once the user's points are spent, without calling Indeed", async () => {
    const { deps: d, execute } = deps(3);
    for (let i = 0; i < 3; i++)
      expect((await handleGraphqlRequest(post(read), d)).status).toBe(200);
    const refused = await handleGraphqlRequest(post(read), d);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toMatch(/^Too many requests in a short time; wait /);
    expect(execute).toHaveBeenCalledTimes(3);
  });

  it("charges a mutation five points and a read one, as Indeed does", async () => {
    const { deps: d, execute } = deps(6);
    expect((await handleGraphqlRequest(post(cancel), d)).status).toBe(200);
    expect((await handleGraphqlRequest(post(read), d)).status).toBe(200);
    expect((await handleGraphqlRequest(post(read), d)).status).toBe(429);
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it("keeps one budget per user", async () => {
    const shared = memoryRateLimiter({ name: "graphql-shared", points: 1, durationSeconds: 60 });
    const dana = { ...deps(1, "00000000-0000-4000-8000-0000000000d1").deps, limiter: shared };
    const sam = { ...deps(1, "00000000-0000-4000-8000-0000000000d2").deps, limiter: shared };
    expect((await handleGraphqlRequest(post(read), dana)).status).toBe(200);
    expect((await handleGraphqlRequest(post(read), dana)).status).toBe(429);
    expect((await handleGraphqlRequest(post(read), sam)).status).toBe(200);
  });
});

const { execute } = vi.hoisted(() => ({
  execute: vi.fn(async () => ({ virtualInterviewEvents: { events: [] } })),
}));
vi.mock("@/lib/auth/load-session", () => ({
  getEmployerSessionFromRequest: async () => fakeEmployerSession(),
}));
// The route's own operation list, with a client that never reaches Indeed.
vi.mock("@/lib/operations", async (original) => ({
  ...(await original<object>()),
  indeedClient: () => ({ execute }),
}));

describe("app/api/indeed/graphql/route.ts", () => {
  it("passes the process's per-user limiter (RATE_LIMIT_GRAPHQL_PER_MINUTE) to the handler", async () => {
    const { POST } = await import("@/app/api/indeed/graphql/route");
    for (let i = 0; i < 5; i++) expect((await POST(post(read))).status).toBe(200);
    const refused = await POST(post(read));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(execute).toHaveBeenCalledTimes(5);
  });
});
