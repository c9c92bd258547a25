import { describe, expect, it } from "vitest";
import { GRAPHQL_COST, memoryRateLimiter } from "./rate-limit";

describe("memoryRateLimiter", () => {
  it("allows the budget, then refuses with the seconds until the window ends", async () => {
    const limiter = memoryRateLimiter({ name: "t1", points: 3, durationSeconds: 60 });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await limiter.consume("203.0.113.9"));
    expect(outcomes.slice(0, 3).every((o) => o.allowed)).toBe(true);
    expect(outcomes[3]).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    const refused = outcomes[3] as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("keeps one budget per key", async () => {
    const limiter = memoryRateLimiter({ name: "t2", points: 1, durationSeconds: 60 });
    expect((await limiter.consume("user-a")).allowed).toBe(true);
    expect((await limiter.consume("user-a")).allowed).toBe(false);
    expect((await limiter.consume("user-b")).allowed).toBe(true);
  });

  it("weighs a mutation like Indeed does: five reads' worth", async () => {
    const limiter = memoryRateLimiter({ name: "t3", points: 10, durationSeconds: 60 });
    expect(await limiter.consume("u", GRAPHQL_COST.mutation)).toEqual({
      allowed: true,
      remaining: 5,
    });
    expect((await limiter.consume("u", GRAPHQL_COST.mutation)).allowed).toBe(true);
    expect((await limiter.consume("u", GRAPHQL_COST.query)).allowed).toBe(false);
  });

  it("gives the budget back when the window has passed", async () => {
    const limiter = memoryRateLimiter({ name: "t4", points: 1, durationSeconds: 1 });
    expect((await limiter.consume("u")).allowed).toBe(true);
    expect((await limiter.consume("u")).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limiter.consume("u")).allowed).toBe(true);
  });
});
