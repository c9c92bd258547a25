import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { mkdirSync } from "node:fs";
import { Pool } from "pg";
import { config } from "@/lib/config";
import * as schema from "./schema";

/** The same Drizzle API over PGlite (embedded) or node-postgres (DATABASE_URL). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Runs `select 1`; false when the database cannot answer. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function openPglite(dataDir?: string): DatabaseHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  return handle(drizzlePglite(client, { schema }) as unknown as Database, "pglite", () =>
    client.close(),
  );
}

export function openPostgres(url: string, max = 10): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not crash the process.
  pool.on("error", (error) => console.error("[db] idle client error", error.message));
  return handle(drizzlePg(pool, { schema }) as unknown as Database, "postgres", () => pool.end());
}

function handle(
  db: Database,
  kind: DatabaseHandle["kind"],
  close: () => Promise<void>,
): DatabaseHandle {
  return {
    db,
    kind,
    close,
    async ping() {
      try {
        await db.execute("select 1");
        return true;
      } catch {
        return false;
      }
    },
  };
}

// One handle per process: PGlite owns its data directory, and Next may load this module from
// several bundles, so the handle lives on globalThis.
const globalKey = Symbol.for("lobby.database");
type WithDatabase = typeof globalThis & { [globalKey]?: DatabaseHandle };

export function databaseHandle(): DatabaseHandle {
  const holder = globalThis as WithDatabase;
  if (!holder[globalKey]) {
    const { database } = config();
    holder[globalKey] =
      database.kind === "postgres" ? openPostgres(database.url) : openPglite(database.dataDir);
  }
  return holder[globalKey];
}

/** The process's database. */
export function db(): Database {
  return databaseHandle().db;
}
