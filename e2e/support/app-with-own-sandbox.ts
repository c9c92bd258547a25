import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { e2eAppEnv } from "./app-env";
import { E2E_APP_PORT, E2E_SANDBOX_PORT, E2E_SANDBOX_SMTP_PORT, runDir } from "./urls";

/**
 * A production build of the app with a sandbox of its own, for a spec that stops Indeed: the
 * suite's sandbox serves every other spec and cannot go away. The sandbox runs in the test's
 * process, so stopping it closes its port (connections are refused, as when Indeed is down)
 * and starting it again on the same port and state file brings back the grants and keys.
 * Ports sit 10 above the suite's (3110, 4120, 2635 by default; sandbox/seed/oauth.json lists the
 * app's callback).
 */
export interface AppWithOwnSandbox {
  appUrl: string;
  sandboxUrl: string;
  stopSandbox(): Promise<void>;
  startSandbox(): Promise<void>;
  close(): Promise<void>;
}

const OFFSET = 10;
const appPort = E2E_APP_PORT + OFFSET;
const sandboxPort = E2E_SANDBOX_PORT + OFFSET;
const smtpPort = E2E_SANDBOX_SMTP_PORT + OFFSET;
/** Where the app with its own sandbox listens: a spec's `baseURL`. */
export const ownSandboxAppUrl = `http://localhost:${appPort}`;
const START_TIMEOUT_MS = 120_000;

export async function startAppWithOwnSandbox(): Promise<AppWithOwnSandbox> {
  const appUrl = ownSandboxAppUrl;
  const dataDir = resolve(`${runDir}/own-sandbox-${sandboxPort}`);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${runDir}/app-${appPort}`, { recursive: true, force: true });

  const startOwnSandbox = () => startSandbox({ port: sandboxPort, smtpPort, dataDir });
  let sandbox: RunningSandbox | undefined = await startOwnSandbox();
  const sandboxUrl = sandbox.url;

  const output: string[] = [];
  // Its own process group, so closing ends `next start` and not only npx.
  const app = spawn("npx", ["next", "start", "-p", String(appPort)], {
    env: {
      ...process.env,
      ...e2eAppEnv({ port: appPort, url: appUrl, issuer: sandboxUrl, smtpPort }),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((done) => app.once("exit", done));
  // Its log is kept beside its database, for a failed run's `[error] ref=…` lines.
  mkdirSync(runDir, { recursive: true });
  const log = createWriteStream(`${runDir}/app-${appPort}.log`);
  for (const stream of [app.stdout, app.stderr]) {
    stream.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    stream.pipe(log);
  }

  async function stopApp() {
    if (app.exitCode === null && app.signalCode === null) process.kill(-app.pid!, "SIGTERM");
    await exited;
  }

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (app.exitCode !== null) {
      await sandbox.close();
      throw new Error(`The app on ${appUrl} exited (${app.exitCode}):\n${output.join("")}`);
    }
    const healthy = await fetch(`${appUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await stopApp();
      await sandbox.close();
      throw new Error(`The app on ${appUrl} did not start:\n${output.join("")}`);
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }

  return {
    appUrl,
    sandboxUrl,
    async stopSandbox() {
      await sandbox?.close();
      sandbox = undefined;
    },
    async startSandbox() {
      sandbox ??= await startOwnSandbox();
    },
    async close() {
      await stopApp();
      await sandbox?.close();
      sandbox = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
