/**
 * The sandbox's virtual clock. Every expiry (codes, tokens, recordings, reminders) reads
 * `now()`, so tests and demos can jump 59 days ahead instead of waiting.
 */
export class VirtualClock {
  constructor(private offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves time forward (never backward: expiries already passed stay passed). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError("advance takes a non-negative number of milliseconds");
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
