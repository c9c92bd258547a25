/** One request the sandbox served, as integrators and tests query it. */
export interface JournalEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  status: number;
  /** e.g. "oauth.token", "oauth.authorize", "graphql" */
  kind: string;
  clientId?: string;
  grantType?: string;
  grantId?: string;
  operationName?: string;
  variables?: unknown;
  outcome?: string;
  /** Why a request failed, for humans reading the journal (never a secret). */
  detail?: string;
  durationMs: number;
}

export interface JournalQuery {
  kind?: string;
  clientId?: string;
  grantType?: string;
  operationName?: string;
  since?: number;
  limit?: number;
}

/** A bounded in-memory journal (at least the newest `capacity` entries); secrets are never written to it. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<JournalEntry, "seq">): JournalEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    // Trimmed in batches: dropping one entry per request would shift the whole array each time.
    if (this.entries.length > this.capacity + this.capacity / 10)
      this.entries = this.entries.slice(-this.capacity);
    return full;
  }

  query(q: JournalQuery = {}): JournalEntry[] {
    const matching = this.entries.filter(
      (e) =>
        (q.kind === undefined || e.kind === q.kind) &&
        (q.clientId === undefined || e.clientId === q.clientId) &&
        (q.grantType === undefined || e.grantType === q.grantType) &&
        (q.operationName === undefined || e.operationName === q.operationName) &&
        (q.since === undefined || e.seq > q.since),
    );
    return q.limit === undefined ? matching : matching.slice(-q.limit);
  }

  clear(): void {
    this.entries = [];
  }
}
