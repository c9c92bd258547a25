import "server-only";
import { databaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

/** Migrates the process's database at start. Seeding joins here as features need it. */
export async function prepareDatabase(): Promise<void> {
  const handle = databaseHandle();
  await migrateDatabase(handle);
}
