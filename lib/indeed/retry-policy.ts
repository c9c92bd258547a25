/**
 * When to try a read again: transient failures only (network errors and timeouts, HTTP 5xx,
 * HTTP 429, GraphQL INTERNAL_SERVER_ERROR / DOWNSTREAM_SERVICE_ERROR / RATE_LIMITED), never a
 * mutation, with "full jitter" exponential backoff, `Retry-After` honoured, within a bounded
 * number of attempts and total time. Pure.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry may start later than this after the first attempt began. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
  budgetMs: 8_000,
};

export type AttemptFailure =
  | { kind: "network"; refused?: boolean }
  | { kind: "timeout" }
  | { kind: "http"; status: number; retryAfterSeconds?: number }
  | { kind: "graphql"; code: string | undefined };

export function isTransient(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case "network":
    case "timeout":
      return true;
    case "http":
      return failure.status >= 500 || failure.status === 429;
    case "graphql":
      return (
        failure.code === "INTERNAL_SERVER_ERROR" ||
        failure.code === "DOWNSTREAM_SERVICE_ERROR" ||
        failure.code === "RATE_LIMITED"
      );
  }
}

/** Parses `Retry-After` (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1), or null to stop.
 * `random` is in [0, 1).
 */
export function nextRetryDelay(input: {
  kind: "query" | "mutation";
  failure: AttemptFailure;
  attempt: number;
  elapsedMs: number;
  random: number;
  policy?: RetryPolicy;
}): number | null {
  const policy = input.policy ?? DEFAULT_RETRY_POLICY;
  if (input.kind === "mutation") return null;
  if (!isTransient(input.failure)) return null;
  if (input.attempt >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (input.attempt - 1));
  let delay = Math.floor(input.random * ceiling);
  const retryAfter = input.failure.kind === "http" ? input.failure.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) delay = Math.max(delay, retryAfter * 1000);
  if (input.elapsedMs + delay > policy.budgetMs) return null;
  return delay;
}
