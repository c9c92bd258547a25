import { databaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// `npm run db:migrate`: applies the committed migrations to the configured database
// (PGlite under PGLITE_DIR, or DATABASE_URL). The app also does this on start.
const handle = databaseHandle();
await migrateDatabase(handle);
console.log(`Migrations applied (${handle.kind}).`);
await handle.close();
