import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { AccessTokenClaims, OAuthApi } from "../oauth/api";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../server";

// What every sandbox integration test needs, whichever half it exercises: a throwaway sandbox
// on a free port, the control API and the virtual clock. Half-specific helpers live next to
// their tests (oauth/test-harness.ts, interviews/test-harness.ts).

/** Seeded app, people and employers (sandbox/seed/oauth.json). */
export const CLIENT_ID = "lobby-local";
export const CLIENT_SECRET = "lobby-local-secret";
export const DANA = "u-dana";
export const SAM = "u-sam";
export const ACME = "emp-acme-robotics";
export const GLOBEX = "emp-globex-logistics";
export const INITECH = "emp-initech-foods";

/** A new empty directory for a state file (tests that restart a sandbox on the same state). */
export function tempDataDir(label = "sandbox"): string {
  return mkdtempSync(join(tmpdir(), `lobby-${label}-`));
}

export async function startTestSandbox(
  options: {
    dataDir?: string;
    ephemeral?: boolean;
    interviews?: SandboxOptions["interviews"];
  } = {},
): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    dataDir: options.dataDir ?? tempDataDir(),
    ephemeral: options.ephemeral ?? true,
    interviews: options.interviews,
  });
}

/**
 * Starts one sandbox for the enclosing file or `describe` and closes it afterwards; with
 * `resetBeforeEach`, every test starts from the seed. The returned handle is usable inside
 * hooks and tests (the sandbox does not exist yet while the file is being collected).
 */
export function setupTestSandbox(
  options: { resetBeforeEach?: boolean; interviews?: SandboxOptions["interviews"] } = {},
): RunningSandbox {
  let running: RunningSandbox | undefined;
  const current = (): RunningSandbox => {
    if (!running) throw new Error("the test sandbox is only available inside hooks and tests");
    return running;
  };
  beforeAll(async () => {
    running = await startTestSandbox({ interviews: options.interviews });
  });
  afterAll(async () => {
    await running?.close();
  });
  if (options.resetBeforeEach) {
    beforeEach(async () => {
      await control(current(), "POST", "/_sandbox/reset");
    });
  }
  return {
    get url() {
      return current().url;
    },
    get context() {
      return current().context;
    },
    get modules() {
      return current().modules;
    },
    get server() {
      return current().server;
    },
    get smtpPort() {
      return current().smtpPort;
    },
    close: () => current().close(),
  };
}

/** Calls the control API with a JSON body and answers status and parsed JSON. */
export async function control<T = Record<string, unknown>>(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function advanceClock(
  sandbox: RunningSandbox,
  amount: { days?: number; hours?: number; minutes?: number; seconds?: number },
) {
  const result = await control(sandbox, "POST", "/_sandbox/clock/advance", amount);
  if (result.status !== 200)
    throw new Error(`clock advance failed: ${JSON.stringify(result.body)}`);
}

/** Verifies an access token the way the Interview API does (in process, not over HTTP). */
export async function verifyAccessToken(
  sandbox: RunningSandbox,
  token: string | undefined,
): Promise<AccessTokenClaims | null> {
  const oauth = sandbox.modules.find((m) => m.name === "oauth") as unknown as
    { api: OAuthApi } | undefined;
  if (!oauth) throw new Error("the sandbox has no oauth module");
  return oauth.api.verifyAccessToken(token ?? "");
}
