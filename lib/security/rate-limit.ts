import "server-only";
import type { Pool } from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { config } from "@/lib/config";
import { leasedRateLimiter, refusal, type LeaseOptions } from "./rate-limit-lease";

/**
 * Lobby's rate limits (ADR 0015), on rate-limiter-flexible's fixed windows:
 * - per client IP on the sign-in machinery (`/signin`, `/api/auth/*`), checked in proxy.ts;
 * - per signed-in user on POST /api/indeed/graphql, weighted like Indeed's own gateway (a
 *   mutation costs 5, a read 1) and well below the budget Indeed gives Lobby's one client id,
 *   so one user cannot get every employer throttled.
 * On PGlite (one process) the counters live in memory; with DATABASE_URL they live in one
 * PostgreSQL table, so every app process spends from the same budget (the GraphQL budget in
 * leases of a few points, so most calls make no round trip: ADR 0097). If PostgreSQL fails, each
 * process falls back to its own in-memory counters (the library's insurance limiter) rather
 * than refusing everyone or letting everyone through.
 */

export type RateLimitOutcome =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends `cost` points of `key`'s budget, or says how long until it can. */
  consume(key: string, cost?: number): Promise<RateLimitOutcome>;
}

export interface RateLimitRule {
  /** Names the budget: keys of different rules never collide. */
  name: string;
  points: number;
  durationSeconds: number;
}

/** The PostgreSQL table of every counter (created by the library if missing; not app data). */
export const RATE_LIMIT_TABLE = "lobby_rate_limits";

/** What one Indeed operation costs, as Indeed's gateway counts it. */
export const GRAPHQL_COST = { query: 1, mutation: 5 } as const;

// Keys come from headers (an IP) or the session (a uuid); the table's key is varchar(255).
const MAX_KEY_LENGTH = 200;

function wrap(store: RateLimiterAbstract): RateLimiter {
  return {
    async consume(key, cost = 1) {
      try {
        const result = await store.consume(key, cost);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when the budget is spent, an Error otherwise.
        if (rejection instanceof RateLimiterRes) return refusal(rejection);
        throw rejection;
      }
    },
  };
}

function withKeyLimit(limiter: RateLimiter): RateLimiter {
  return { consume: (key, cost) => limiter.consume(key.slice(0, MAX_KEY_LENGTH), cost) };
}

function memoryStore(rule: RateLimitRule): RateLimiterMemory {
  return new RateLimiterMemory({
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.durationSeconds,
  });
}

/** Counters in this process only (PGlite, tests). */
export function memoryRateLimiter(rule: RateLimitRule): RateLimiter {
  return withKeyLimit(wrap(memoryStore(rule)));
}

/** unique_violation (pg_type's index), duplicate_table, duplicate_object (the row type). */
const CONCURRENT_CREATE_CODES = new Set(["23505", "42P07", "42710"]);

/**
 * The counters' table, UNLOGGED (ADR 0015): a counter of a one-minute window needs no crash
 * safety (PostgreSQL empties the table after a crash, which only restarts the windows), and a
 * transaction that writes only unlogged tables commits without waiting for the WAL to reach
 * the disk. Logged, every GraphQL call waited for an fsync while holding its user's counter
 * row, so one user's concurrent calls queued behind each other's fsyncs. A table the library
 * created logged (before this) is switched once.
 */
export async function ensureRateLimitTable(pool: Pool): Promise<void> {
  try {
    await pool.query(
      `CREATE UNLOGGED TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`,
    );
  } catch (error) {
    // Processes creating it at once: another one won. IF NOT EXISTS does not cover that race;
    // PostgreSQL reports it as the table's row type or its catalog entry already existing.
    if (!CONCURRENT_CREATE_CODES.has((error as { code?: string }).code ?? "")) throw error;
  }
  const { rows } = await pool.query<{ relpersistence: string }>(
    "select relpersistence from pg_class where oid = to_regclass($1)",
    [RATE_LIMIT_TABLE],
  );
  if (rows[0]?.relpersistence === "p")
    await pool.query(`ALTER TABLE ${RATE_LIMIT_TABLE} SET UNLOGGED`);
}

/**
 * Counters in PostgreSQL, shared by every process using the same database; spent in leases
 * when `lease` is given (ADR 0097), one round trip per call otherwise.
 */
export async function postgresRateLimiter(
  rule: RateLimitRule,
  pool: Pool,
  lease?: LeaseOptions,
): Promise<RateLimiter> {
  await ensureRateLimitTable(pool);
  const store = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.durationSeconds,
    insuranceLimiter: memoryStore(rule),
  });
  return withKeyLimit(lease ? leasedRateLimiter(store, rule, lease) : wrap(store));
}

/**
 * Every GraphQL call would otherwise wait for its counter's row (ADR 0097). A sign-in is rare
 * enough, and its budget small enough, to be counted exactly.
 */
const GRAPHQL_LEASE: LeaseOptions = { maxExtra: 10, idleReturnMs: 2_000 };

export interface AppRateLimiters {
  /** Per client IP: `/signin` and `/api/auth/*`. */
  auth: RateLimiter;
  /** Per user id: POST /api/indeed/graphql, in GRAPHQL_COST points. */
  graphql: RateLimiter;
}

// One set per process, shared by the proxy's and the route handlers' bundles.
const globalKey = Symbol.for("lobby.rateLimiters");
type WithLimiters = typeof globalThis & { [globalKey]?: Promise<AppRateLimiters> };

/** The process's limiters, configured from lib/config.ts. */
export function rateLimiters(): Promise<AppRateLimiters> {
  const holder = globalThis as WithLimiters;
  holder[globalKey] ??= createAppRateLimiters().catch((error: unknown) => {
    holder[globalKey] = undefined; // try again on the next request
    throw error;
  });
  return holder[globalKey];
}

async function createAppRateLimiters(): Promise<AppRateLimiters> {
  const settings = config();
  const rules = {
    auth: { name: "auth-ip", points: settings.rateLimits.authPerMinute, durationSeconds: 60 },
    graphql: {
      name: "graphql-user",
      points: settings.rateLimits.graphqlPointsPerMinute,
      durationSeconds: 60,
    },
  } satisfies Record<keyof AppRateLimiters, RateLimitRule>;
  if (settings.database.kind !== "postgres") {
    return { auth: memoryRateLimiter(rules.auth), graphql: memoryRateLimiter(rules.graphql) };
  }
  // The app's own pool (drizzle keeps it as $client): no second set of connections.
  const { db } = await import("@/lib/db/client");
  const pool = (db() as unknown as { $client: Pool }).$client;
  const [auth, graphql] = await Promise.all([
    postgresRateLimiter(rules.auth, pool),
    postgresRateLimiter(rules.graphql, pool, GRAPHQL_LEASE),
  ]);
  return { auth, graphql };
}
