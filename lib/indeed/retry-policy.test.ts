import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isTransient, nextRetryDelay, parseRetryAfter } from "./retry-policy";

const query = { kind: "query" as const, attempt: 1, elapsedMs: 0, random: 0.5 };

describe("the retry policy", () => {
  it("retries reads on network errors, timeouts, 5xx, 429 and INTERNAL_SERVER_ERROR", () => {
    for (const failure of [
      { kind: "network" as const },
      { kind: "timeout" as const },
      { kind: "http" as const, status: 502 },
      { kind: "http" as const, status: 429 },
      { kind: "graphql" as const, code: "INTERNAL_SERVER_ERROR" },
    ]) {
      expect(isTransient(failure)).toBe(true);
      expect(nextRetryDelay({ ...query, failure })).not.toBeNull();
    }
  });

  it("never retries a mutation", () => {
    expect(
      nextRetryDelay({ ...query, kind: "mutation", failure: { kind: "http", status: 503 } }),
    ).toBeNull();
    expect(nextRetryDelay({ ...query, kind: "mutation", failure: { kind: "timeout" } })).toBeNull();
  });

  it("does not retry input, permission or client errors", () => {
    expect(
      nextRetryDelay({ ...query, failure: { kind: "graphql", code: "BAD_USER_INPUT" } }),
    ).toBeNull();
    expect(
      nextRetryDelay({ ...query, failure: { kind: "graphql", code: "FORBIDDEN" } }),
    ).toBeNull();
    expect(nextRetryDelay({ ...query, failure: { kind: "http", status: 400 } })).toBeNull();
  });

  it("backs off exponentially with full jitter, capped", () => {
    const failure = { kind: "http" as const, status: 503 };
    expect(nextRetryDelay({ ...query, failure, random: 0 })).toBe(0);
    expect(nextRetryDelay({ ...query, failure, random: 0.999 })).toBe(249);
    expect(nextRetryDelay({ ...query, failure, attempt: 2, random: 0.999 })).toBe(499);
    const wide = { ...DEFAULT_RETRY_POLICY, maxAttempts: 10, budgetMs: 60_000 };
    expect(nextRetryDelay({ ...query, failure, attempt: 9, random: 0.999, policy: wide })).toBe(
      1998,
    );
  });

  it("stops after the attempt limit", () => {
    expect(
      nextRetryDelay({
        ...query,
        failure: { kind: "network" },
        attempt: DEFAULT_RETRY_POLICY.maxAttempts,
      }),
    ).toBeNull();
  });

  it("honours Retry-After, and gives up when it would exceed the time budget", () => {
    expect(
      nextRetryDelay({ ...query, failure: { kind: "http", status: 429, retryAfterSeconds: 2 } }),
    ).toBe(2000);
    expect(
      nextRetryDelay({ ...query, failure: { kind: "http", status: 429, retryAfterSeconds: 30 } }),
    ).toBeNull();
    expect(
      nextRetryDelay({
        ...query,
        failure: { kind: "http", status: 503, retryAfterSeconds: 1 },
        elapsedMs: 7_500,
      }),
    ).toBeNull();
  });

  it("parses Retry-After in seconds and as an HTTP date", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:05 GMT", now)).toBe(5);
  });
});
