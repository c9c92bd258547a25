/** The cost budget Indeed's gateway enforces per client over a rolling window. */
export interface RateLimitSettings {
  /** Points a client may spend per window. */
  budget: number;
  windowMs: number;
  queryCost: number;
  mutationCost: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = {
  budget: 1000,
  windowMs: 60_000,
  queryCost: 1,
  mutationCost: 5,
};

type Spend = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Rolling-window accounting on the virtual clock, one ledger per OAuth client. */
export class RateLimiter {
  settings: RateLimitSettings = { ...DEFAULT_RATE_LIMIT };
  private ledgers = new Map<string, { at: number; cost: number }[]>();

  spend(clientId: string, cost: number, now: number): Spend {
    const ledger = (this.ledgers.get(clientId) ?? []).filter(
      (entry) => entry.at > now - this.settings.windowMs,
    );
    this.ledgers.set(clientId, ledger);
    const used = ledger.reduce((sum, entry) => sum + entry.cost, 0);
    if (used + cost > this.settings.budget) {
      // Wait until enough of the oldest spending leaves the window.
      let freed = 0;
      let until = now + this.settings.windowMs;
      for (const entry of ledger) {
        freed += entry.cost;
        if (used - freed + cost <= this.settings.budget) {
          until = entry.at + this.settings.windowMs;
          break;
        }
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    }
    ledger.push({ at: now, cost });
    return { ok: true, remaining: this.settings.budget - used - cost };
  }

  usage(now: number): Record<string, number> {
    const usage: Record<string, number> = {};
    for (const [clientId, ledger] of this.ledgers) {
      usage[clientId] = ledger
        .filter((e) => e.at > now - this.settings.windowMs)
        .reduce((sum, e) => sum + e.cost, 0);
    }
    return usage;
  }

  clear(): void {
    this.ledgers.clear();
  }
}
