import "server-only";
import PgBoss from "pg-boss";
import type { Transaction } from "@/lib/db/client";
import { transactionExecutor } from "./sql-executors";

/**
 * Writes a job in the caller's transaction: it exists when the transaction commits and never
 * otherwise. The sender is a pg-boss instance that is never started: `send` with `{ db }` only
 * runs pg-boss's insert through the transaction, so enqueueing needs no running worker.
 */
const sender = new PgBoss({
  schema: "pgboss",
  db: {
    executeSql: () => Promise.reject(new Error("enqueue() writes through the transaction only")),
  },
});

export type EnqueueOptions = Omit<PgBoss.SendOptions, "db">;

/** Returns the job's id. */
export async function enqueue(
  tx: Transaction,
  name: string,
  data: object,
  options: EnqueueOptions = {},
): Promise<string> {
  const id = await sender.send(name, data, { ...options, db: transactionExecutor(tx) });
  if (!id) throw new Error(`pg-boss did not queue the ${name} job`);
  return id;
}
