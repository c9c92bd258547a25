import "server-only";
import { config } from "@/lib/config";
import { prepareDatabase } from "@/lib/db/prepare";

/** What the app does once per server process before it serves (see instrumentation.ts). */
export async function startServer(): Promise<void> {
  try {
    config();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await prepareDatabase();
}
