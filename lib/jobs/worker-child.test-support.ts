// A separate "app process" running the candidate-message worker, for the tests that kill a
// worker or run two: on PostgreSQL (CHILD_DATABASE_URL) or on a PGlite data directory
// (CHILD_PGLITE_DIR) that no other process has open. Sends through CHILD_SMTP_URL.
// CHILD_HANG_AFTER_ACCEPT=1: after the SMTP server's 250 and before `sent` is committed, prints
// `accepted <id>` and hangs until killed. Prints `sent <id>` for each message it delivered.
import { openPglite, openPostgres } from "@/lib/db/client";
import { startTestWorker } from "./testing.test-support";

const env = process.env;
const handle = env.CHILD_DATABASE_URL
  ? openPostgres(env.CHILD_DATABASE_URL, 5)
  : openPglite(env.CHILD_PGLITE_DIR!);
await handle.db.execute("select 1");
const worker = await startTestWorker(handle, env.CHILD_SMTP_URL!, {
  async afterAccepted(id) {
    if (env.CHILD_HANG_AFTER_ACCEPT === "1") {
      console.log(`accepted ${id}`);
      await new Promise(() => undefined);
    }
    console.log(`sent ${id}`);
  },
});
console.log("ready");
const stop = async () => {
  await worker.stop();
  await handle.close();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
