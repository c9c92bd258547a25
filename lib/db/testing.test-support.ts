import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

/**
 * A fresh, migrated database for one test file. With DATABASE_URL set, a new database on that
 * PostgreSQL server (dropped on close); otherwise an in-memory PGlite cloned from a template
 * migrated once per worker, because migrating PGlite costs seconds.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}

let template: Promise<File | Blob> | undefined;

async function createPgliteDatabase(): Promise<DatabaseHandle> {
  template ??= (async () => {
    const handle = openPglite();
    await migrateDatabase(handle);
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir("none");
    await handle.close();
    return dump;
  })();
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("./schema");
  const client = new PGlite({ loadDataDir: await template });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as DatabaseHandle["db"],
    kind: "pglite",
    close: () => client.close(),
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const name = `lobby_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 20);
  await migrateDatabase(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
