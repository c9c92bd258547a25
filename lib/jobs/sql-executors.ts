import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Transaction } from "@/lib/db/client";

/**
 * The two ways pg-boss reaches the database besides its own `pg` pool (`PgBoss.Db`, one
 * `executeSql(text, values)`):
 *
 * - `transactionExecutor(tx)`: a Drizzle transaction, so `send(…, { db })` inserts the job in the
 *   caller's transaction: committed with the ledger row, or rolled back with it.
 * - `pgliteExecutor(client)`: the embedded database. PGlite runs one statement per `query`
 *   (extended protocol); pg-boss's parameterless scripts (maintenance, BEGIN…COMMIT blocks) go
 *   through `exec`. Each call holds PGlite's lock for its duration, so pg-boss's statements never
 *   land inside an app transaction.
 */

/** pg-boss's `$1…$n` text as a Drizzle SQL chunk with the same values, in order. */
export function sqlWithValues(text: string, values: readonly unknown[] = []): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= values.length) continue;
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${values[index] ?? null}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

export function transactionExecutor(tx: Transaction): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = (await tx.execute(sqlWithValues(text, values ?? []))) as unknown as {
        rows: unknown[];
      };
      return { rows: result.rows };
    },
  };
}

export function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values as unknown[]);
      return { rows: result.rows };
    },
  };
}
