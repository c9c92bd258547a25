import "server-only";
import { config } from "@/lib/config";
import { databaseHandle } from "@/lib/db/client";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; kind: "pglite" | "postgres" };
  /** Indeed's OAuth side: can its discovery document be read, and is it the local sandbox? */
  indeed: { status: "up" | "down"; issuer: string; sandbox: boolean };
}

const PING_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), PING_TIMEOUT_MS).unref?.()),
  ]);
}

/**
 * Whether Indeed's OAuth side answers its discovery document now. Not through sign-in's
 * discovery cache, which would report Indeed up for minutes after it went away.
 */
async function indeedAnswers(issuer: string): Promise<boolean> {
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
    headers: { accept: "application/json" },
    signal: AbortSignal.timeout(PING_TIMEOUT_MS),
  });
  await response.body?.cancel().catch(() => undefined);
  return response.ok;
}

/** What /api/health reports: each dependency's state, checked now. */
export async function checkHealth(): Promise<HealthReport> {
  const handle = databaseHandle();
  const { issuer, usesSandbox } = config().indeed;
  const [up, indeedUp] = await Promise.all([
    within(handle.ping(), false),
    within(indeedAnswers(issuer), false),
  ]);
  return {
    // The app serves pages while Indeed is away (it says "Indeed unavailable" where needed), so
    // the overall status follows the database; Indeed's state is reported beside it.
    status: up ? "ok" : "degraded",
    database: { status: up ? "up" : "down", kind: handle.kind },
    indeed: { status: indeedUp ? "up" : "down", issuer, sandbox: usesSandbox },
  };
}
