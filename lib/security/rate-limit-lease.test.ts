import { randomUUID } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it, vi } from "vitest";
import { leasedRateLimiter, type LeaseOptions } from "./rate-limit-lease";

// One in-memory store stands for the shared PostgreSQL table; each leased limiter over it is one
// app process.

const LEASE: LeaseOptions = { maxExtra: 10, idleReturnMs: 60_000 };

function sharedStore(points: number, durationSeconds = 60) {
  const rule = { name: `lease-${randomUUID()}`, points, durationSeconds };
  const store = new RateLimiterMemory({ keyPrefix: rule.name, points, duration: durationSeconds });
  const counted = async (key: string) => (await store.get(key))?.consumedPoints ?? 0;
  return { rule, store, counted };
}

function allowed(outcomes: { allowed: boolean }[]): number {
  return outcomes.filter((outcome) => outcome.allowed).length;
}

describe("leasedRateLimiter", () => {
  it("spends from its lease: 100 concurrent calls make 10 round trips to the store", async () => {
    const { rule, store, counted } = sharedStore(1_000);
    const consume = vi.spyOn(store, "consume");
    const limiter = leasedRateLimiter(store, rule, LEASE);

    const outcomes = await Promise.all(Array.from({ length: 100 }, () => limiter.consume("u")));

    expect(allowed(outcomes)).toBe(100);
    // Each round trip takes the call's point and ten more.
    expect(consume).toHaveBeenCalledTimes(Math.ceil(100 / 11));
    expect(await counted("u")).toBe(110);
  });

  it("counts exactly near the limit: the budget is allowed, the next call refused until the window ends", async () => {
    const { rule, store } = sharedStore(20);
    const limiter = leasedRateLimiter(store, rule, LEASE);
    const outcomes = [];
    for (let i = 0; i < 21; i++) outcomes.push(await limiter.consume("u"));
    expect(allowed(outcomes.slice(0, 20))).toBe(20);
    expect(outcomes[20]).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("two processes' leases spend one budget: 60 attempts, 40 allowed, every attempt counted once", async () => {
    const { rule, store, counted } = sharedStore(40);
    const a = leasedRateLimiter(store, rule, LEASE);
    const b = leasedRateLimiter(store, rule, LEASE);

    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).consume("u")),
    );

    expect(allowed(outcomes)).toBe(40);
    expect(await counted("u")).toBe(60);
  });

  it("allows a call whose own cost fits when its lease did not, and gives the extra back", async () => {
    const { rule, store, counted } = sharedStore(30);
    const a = leasedRateLimiter(store, rule, LEASE);
    const b = leasedRateLimiter(store, rule, LEASE);

    await a.consume("u"); // 1 and a lease of 3 (an eighth of the 29 left)
    expect(await counted("u")).toBe(4);
    expect((await b.consume("u", 24)).allowed).toBe(true); // exact: 28 counted, 2 left
    for (let i = 0; i < 3; i++) expect((await a.consume("u")).allowed).toBe(true); // the lease
    // a still thinks 26 are left and asks for 1 + 3; only the 1 fits.
    expect(await a.consume("u")).toEqual({ allowed: true, remaining: 1 });
    expect(await counted("u")).toBe(29);
    expect((await a.consume("u")).allowed).toBe(true);
    expect((await b.consume("u")).allowed).toBe(false);
    expect(await counted("u")).toBe(31);
  });

  it("gives an unspent lease back once it sits idle, so another process may spend it", async () => {
    const { rule, store, counted } = sharedStore(100);
    const a = leasedRateLimiter(store, rule, { maxExtra: 10, idleReturnMs: 50 });
    const b = leasedRateLimiter(store, rule, LEASE);

    await a.consume("u");
    expect(await counted("u")).toBe(11);
    await vi.waitFor(async () => expect(await counted("u")).toBe(1));

    const outcomes = [];
    for (let i = 0; i < 100; i++) outcomes.push(await b.consume("u"));
    expect(allowed(outcomes)).toBe(99);
  });

  it("lets a lease end with its window: the next window starts from the store", async () => {
    const { rule, store, counted } = sharedStore(100, 1);
    const consume = vi.spyOn(store, "consume");
    const limiter = leasedRateLimiter(store, rule, LEASE);

    await limiter.consume("u");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limiter.consume("u")).allowed).toBe(true);

    expect(consume).toHaveBeenCalledTimes(2);
    expect(await counted("u")).toBe(11);
  });

  it("hands the store's failures to the caller and to the calls waiting on the same lease", async () => {
    const { rule, store } = sharedStore(100);
    vi.spyOn(store, "consume").mockRejectedValue(new Error("connection refused"));
    const limiter = leasedRateLimiter(store, rule, LEASE);
    const outcomes = await Promise.allSettled([limiter.consume("u"), limiter.consume("u")]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
  });
});
