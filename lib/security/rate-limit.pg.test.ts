import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runChildrenInStep } from "@/test/children-in-step";
import { ensureRateLimitTable, postgresRateLimiter, RATE_LIMIT_TABLE } from "./rate-limit";

// Several app processes share one PostgreSQL and so one budget; PGlite cannot be shared, so
// these run only in the `postgres` project, where DATABASE_URL is required, not optional.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error("The postgres tests need DATABASE_URL (npm run test:db sets it in CI)");

describe("rate limits across app processes on PostgreSQL", () => {
  let pools: pg.Pool[];
  beforeAll(() => {
    pools = [
      new pg.Pool({ connectionString: serverUrl }),
      new pg.Pool({ connectionString: serverUrl }),
    ];
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("two limiters on two pools spend one budget: 60 attempts, exactly 40 allowed", async () => {
    const rule = { name: `pg-test-${randomUUID()}`, points: 40, durationSeconds: 60 };
    const [a, b] = await Promise.all(pools.map((pool) => postgresRateLimiter(rule, pool)));
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a! : b!).consume("user-1")),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(40);
    const refused = outcomes.find((o) => !o.allowed) as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    const { rows } = await pools[0]!.query(
      `select points from ${RATE_LIMIT_TABLE} where key = $1`,
      [`${rule.name}:user-1`],
    );
    expect(rows[0].points).toBe(60);
  });

  it("leased limiters on two pools spend one budget too, and count every attempt once", async () => {
    const rule = { name: `pg-test-${randomUUID()}`, points: 40, durationSeconds: 60 };
    const lease = { maxExtra: 10, idleReturnMs: 200 };
    const [a, b] = await Promise.all(pools.map((pool) => postgresRateLimiter(rule, pool, lease)));
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a! : b!).consume("user-1")),
    );
    // A process may still hold points it leased when the other is refused: never more than the
    // budget, and what it held goes back once idle.
    const allowed = outcomes.filter((o) => o.allowed).length;
    expect(allowed).toBeLessThanOrEqual(40);
    expect(allowed).toBeGreaterThanOrEqual(40 - 2 * lease.maxExtra);
    await vi.waitFor(async () => {
      const { rows } = await pools[0]!.query(
        `select points from ${RATE_LIMIT_TABLE} where key = $1`,
        [`${rule.name}:user-1`],
      );
      expect(rows[0].points).toBe(60);
    });
  });

  it("creates the counters' table once when several processes start at the same moment", async () => {
    // Its own schema, so dropping the table here races nobody else's test.
    const schema = `rate_limit_race_${randomUUID().replaceAll("-", "")}`;
    await pools[0]!.query(`CREATE SCHEMA ${schema}`);
    const starting = Array.from(
      { length: 8 },
      () => new pg.Pool({ connectionString: serverUrl, options: `-c search_path=${schema}` }),
    );
    try {
      await Promise.all(starting.map((pool) => pool.query("select 1")));
      for (let round = 0; round < 10; round++) {
        await pools[0]!.query(`DROP TABLE IF EXISTS ${schema}.${RATE_LIMIT_TABLE}`);
        await Promise.all(starting.map((pool) => ensureRateLimitTable(pool)));
      }
      const { rows } = await pools[0]!.query<{ relpersistence: string }>(
        "select relpersistence from pg_class where oid = to_regclass($1)",
        [`${schema}.${RATE_LIMIT_TABLE}`],
      );
      expect(rows[0]?.relpersistence).toBe("u");
    } finally {
      await Promise.all(starting.map((pool) => pool.end()));
      await pools[0]!.query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  it("keeps the counters in an UNLOGGED table, switching one created logged", async () => {
    const pool = pools[0]!;
    const persistence = async () =>
      (
        await pool.query<{ relpersistence: string }>(
          "select relpersistence from pg_class where oid = to_regclass($1)",
          [RATE_LIMIT_TABLE],
        )
      ).rows[0]?.relpersistence;
    await ensureRateLimitTable(pool);
    // As the library used to create it, logged ('p'): the next start switches it ('u').
    await pool.query(`ALTER TABLE ${RATE_LIMIT_TABLE} SET LOGGED`);
    expect(await persistence()).toBe("p");
    await postgresRateLimiter(
      { name: `pg-test-${randomUUID()}`, points: 1, durationSeconds: 60 },
      pool,
    );
    expect(await persistence()).toBe("u");
  });

  it("two child processes running Lobby's limiters (DATABASE_URL) share one user's GraphQL budget", async () => {
    const key = randomUUID();
    const env = {
      DATABASE_URL: serverUrl,
      RATE_LIMIT_GRAPHQL_PER_MINUTE: "40",
      CHILD_KEY: key,
      CHILD_ATTEMPTS: "30",
    };
    const [a, b] = (
      await runChildrenInStep<{ allowed: number }>(
        "lib/security/rate-limit-child.test-support.ts",
        [env, env],
      )
    ).map((result) => result.allowed);
    // Each process alone would allow 30; together they may spend only the 40 they share.
    expect(a! + b!).toBe(40);
  }, 60_000);
});
