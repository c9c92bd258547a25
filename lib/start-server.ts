import "server-only";
import { config } from "@/lib/config";
import { prepareDatabase } from "@/lib/db/prepare";
import { startJobs } from "@/lib/jobs/start-jobs";

/** What the app does once per server process before it serves (see instrumentation.ts). */
export async function startServer(): Promise<void> {
  try {
    config();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await prepareDatabase();
  // One job worker per server process (candidate messages); not in `next build`'s workers.
  if (process.env.NEXT_PHASE !== "phase-production-build") await startJobs();
}
