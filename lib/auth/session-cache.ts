import "server-only";

/**
 * A short-lived in-process memo of what every request would otherwise read from the database
 * (ADR 0051): the employer session behind a cookie, a connection's decrypted access token.
 *
 * - An entry lives at most `ttlMs` (and never past the `notAfter` its owner gives), so another
 *   process that signed the session out, switched its employer or reconnected it is seen within
 *   that bound; this process forgets a connection's entries the moment it changes it.
 * - Every forget moves a generation on; a value loaded before a forget and stored after it is
 *   dropped, so a read racing a sign-out cannot put the old session back.
 * - Bounded: past `maxEntries` the oldest entry goes.
 */
export class ConnectionCache<Value> {
  private readonly entries = new Map<
    string,
    { value: Value; connectionId: string; until: number }
  >();
  private generationCount = 0;
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now: number): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * One load per key at a time: the requests that miss while it runs share its answer instead
   * of each reading the database (when an entry expires under load, every request in flight
   * misses at once). A load begun before a forget is not shared with callers after it.
   */
  loadOnce<Result>(key: string, load: () => Promise<Result>): Promise<Result> {
    const slot = `${this.generationCount} ${key}`;
    const running = this.loading.get(slot);
    if (running) return running as Promise<Result>;
    const started = load().finally(() => this.loading.delete(slot));
    this.loading.set(slot, started);
    return started;
  }

  /** Take it before loading; `set` ignores a value loaded across a forget. */
  generation(): number {
    return this.generationCount;
  }

  set(
    key: string,
    value: Value,
    entry: { connectionId: string; now: number; generation: number; notAfter?: number },
  ): void {
    if (this.ttlMs <= 0 || entry.generation !== this.generationCount) return;
    const until = Math.min(entry.now + this.ttlMs, entry.notAfter ?? Infinity);
    if (until <= entry.now) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, connectionId: entry.connectionId, until });
  }

  delete(key: string): void {
    this.generationCount++;
    this.entries.delete(key);
  }

  /** Drops every entry of the connection (signed out, switched, reconnected, refused). */
  forgetConnection(connectionId: string): void {
    this.generationCount++;
    for (const [key, entry] of this.entries)
      if (entry.connectionId === connectionId) this.entries.delete(key);
  }

  clear(): void {
    this.generationCount++;
    this.entries.clear();
  }
}

/**
 * How long a session or an access token is reused without a database read: the longest that
 * another process can go on serving a session this one has ended (ADR 0051).
 */
export const SESSION_CACHE_TTL_MS = 5_000;
