import "server-only";
import { databaseHandle } from "@/lib/db/client";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; kind: "pglite" | "postgres" };
}

const PING_TIMEOUT_MS = 2_000;

/** What /api/health reports: each dependency's state, checked now. */
export async function checkHealth(): Promise<HealthReport> {
  const handle = databaseHandle();
  const up = await Promise.race([
    handle.ping(),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS)),
  ]);
  return {
    status: up ? "ok" : "degraded",
    database: { status: up ? "up" : "down", kind: handle.kind },
  };
}
