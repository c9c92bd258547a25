import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitOutcome, RateLimiter, RateLimitRule } from "./rate-limit";

/**
 * A shared budget spent in leases (ADR 0097). A call that finds no points here takes its cost
 * from the shared store plus a few points more for this process; the next calls for the same
 * key spend those without a round trip. The store's window still decides: nothing spends more
 * than the budget, a lease ends with its window, and a lease is smaller the less of the budget
 * is left, down to the exact cost near the limit. What a lease costs: while one process holds
 * points it has not spent, another may refuse a call the budget could still afford, so a lease
 * nobody spends from is given back after `idleReturnMs`.
 */
export interface LeaseOptions {
  /** Points a lease may take beyond the call's own cost. */
  maxExtra: number;
  /** An untouched lease's points go back to the shared budget after this long. */
  idleReturnMs: number;
}

interface Lease {
  /** Points taken from the shared budget and not yet spent here. */
  points: number;
  windowEndsAt: number;
  /** The shared budget left when the lease was taken: the next lease's size follows it. */
  sharedRemaining: number;
  idle: NodeJS.Timeout;
}

// A lease takes at most an eighth of what the shared budget has left, so several processes'
// leases together stay a small part of it.
const LEASE_SHARE = 8;
// Too close to the window's end to give points back: the store might start the next window
// with them and so hand them out twice.
const RETURN_MARGIN_MS = 5_000;
/** The outcome of a call the store refused: when its window lets the next one in. */
export function refusal(rejection: RateLimiterRes): RateLimitOutcome {
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
  };
}

export function leasedRateLimiter(
  store: RateLimiterAbstract,
  rule: RateLimitRule,
  { maxExtra, idleReturnMs }: LeaseOptions,
): RateLimiter {
  const leases = new Map<string, Lease>();
  // One lease taken at a time per key: calls arriving meanwhile wait for it, then spend from it.
  const taking = new Map<string, Promise<unknown>>();

  function giveBack(key: string, lease: Lease): void {
    if (leases.get(key) === lease) leases.delete(key);
    const unspent = lease.points;
    lease.points = 0;
    if (unspent > 0 && lease.windowEndsAt - Date.now() > RETURN_MARGIN_MS) {
      // Best effort: the store's insurance limiter answers if PostgreSQL does not.
      store.reward(key, unspent).catch((error: unknown) => {
        console.warn(`[rate-limit] a lease's unspent points were not given back: ${String(error)}`);
      });
    }
  }

  function keep(key: string, points: number, msBeforeNext: number, sharedRemaining: number) {
    const previous = leases.get(key);
    if (previous) {
      clearTimeout(previous.idle);
      giveBack(key, previous);
    }
    const lease: Lease = {
      points,
      windowEndsAt: Date.now() + msBeforeNext,
      sharedRemaining,
      idle: setTimeout(() => giveBack(key, lease), Math.min(idleReturnMs, msBeforeNext)),
    };
    lease.idle.unref();
    leases.set(key, lease);
  }

  async function take(key: string, cost: number, known: number): Promise<RateLimitOutcome> {
    const extra = Math.max(0, Math.min(maxExtra, Math.floor((known - cost) / LEASE_SHARE)));
    try {
      const result = await store.consume(key, cost + extra);
      keep(key, extra, result.msBeforeNext, result.remainingPoints);
      return { allowed: true, remaining: result.remainingPoints + extra };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Refused with the extra points: the store counted them. Give them back (unless the window
      // is about to end), so an attempt over the limit counts its own cost only, and allow the
      // call if that alone fitted.
      const consumed = rejection.consumedPoints - extra;
      if (extra > 0 && rejection.msBeforeNext > RETURN_MARGIN_MS) await store.reward(key, extra);
      keep(key, 0, rejection.msBeforeNext, Math.max(0, rule.points - consumed));
      if (consumed <= rule.points) {
        return { allowed: true, remaining: rule.points - consumed };
      }
      return refusal(rejection);
    }
  }

  return {
    async consume(key, cost = 1) {
      for (;;) {
        const lease = leases.get(key);
        const current = lease && lease.windowEndsAt > Date.now() ? lease : undefined;
        if (current && current.points >= cost) {
          current.points -= cost;
          current.idle.refresh();
          return { allowed: true, remaining: current.sharedRemaining + current.points };
        }
        const pending = taking.get(key);
        if (!pending) {
          const outcome = take(key, cost, current?.sharedRemaining ?? rule.points);
          const settled = outcome.finally(() => taking.delete(key));
          taking.set(
            key,
            settled.catch(() => undefined),
          );
          return settled;
        }
        await pending;
      }
    },
  };
}
