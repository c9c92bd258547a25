import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/lib/db/client";
import { pgliteExecutor } from "./sql-executors";

/**
 * Lobby's job queue: pg-boss, the same library on both databases (ADR 0042).
 *
 * Invariants:
 * - The schema (`pgboss`, version 24) and the queues come from a migration (0004_job_queue), so
 *   a job can be written in any transaction of a migrated database, whether or not a worker runs.
 * - Workers fetch with `FOR UPDATE SKIP LOCKED`: two processes never run the same job at once.
 *   A job can still run twice (a worker killed mid-job, an expiry): handlers are idempotent.
 * - On PostgreSQL pg-boss has its own small pool on DATABASE_URL; on PGlite it goes through
 *   `pgliteExecutor`, in the app process that owns the data directory.
 */

export type JobQueueConnection =
  { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string; max?: number };

export interface JobQueueOptions {
  connection: JobQueueConnection;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /** How often pg-boss expires stuck jobs (a killed worker's) and archives old ones. */
  maintenanceIntervalSeconds?: number;
  /** Run pg-boss's clock, which sends the jobs of `boss.schedule` crons (the app's worker only). */
  schedule?: boolean;
  log?: (line: string) => void;
}

export interface QueueDefinition {
  name: string;
  options: Omit<PgBoss.Queue, "name">;
}

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>;

export interface JobQueue {
  readonly boss: PgBoss;
  start(): Promise<void>;
  /** Creates the queues that do not exist and sets every queue's options. */
  defineQueues(definitions: QueueDefinition[]): Promise<void>;
  /** One worker: one job at a time, retried by pg-boss when the handler throws. */
  work<T>(name: string, handler: JobHandler<T>): Promise<string>;
  /** Stops fetching, waits up to `timeoutMs` for running jobs, then stops maintenance. */
  stop(timeoutMs?: number): Promise<void>;
}

/** How pg-boss reaches the process's database. */
export function queueConnectionOf(handle: DatabaseHandle): JobQueueConnection {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === "pglite") return { kind: "pglite", client: client as PGlite };
  const { connectionString } = (client as { options: { connectionString?: string } }).options;
  if (!connectionString) throw new Error("The PostgreSQL pool has no connection string");
  return { kind: "postgres", url: connectionString };
}

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const log = options.log ?? ((line: string) => console.error(line));
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  const connection: PgBoss.DatabaseOptions =
    options.connection.kind === "pglite"
      ? { db: pgliteExecutor(options.connection.client) }
      : {
          connectionString: options.connection.url,
          max: options.connection.max ?? 3,
          application_name: "lobby-jobs",
        };
  const boss = new PgBoss({
    ...connection,
    schema: "pgboss",
    migrate: true,
    supervise: true,
    schedule: options.schedule ?? false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error: Error) => log(`[jobs] ${error.message}`));
  let started = false;

  return {
    boss,
    async start() {
      if (started) return;
      await boss.start();
      started = true;
    },
    async defineQueues(definitions) {
      for (const { name, options: queueOptions } of definitions) {
        const queue = { name, ...queueOptions };
        if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
        else await boss.createQueue(name, queue);
      }
    },
    work<T>(name: string, handler: JobHandler<T>) {
      return boss.work<T>(
        name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
        async ([job]) => (job ? handler(job) : undefined),
      );
    },
    async stop(timeoutMs = 20_000) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
