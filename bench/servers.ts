import { execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { signIn } from "../e2e/support/sign-in";
import { appUrl, E2E_APP_PORT, E2E_SANDBOX_PORT, sandboxUrl } from "../e2e/support/urls";

// What the production-build benches (route, lighthouse) share: a production build, the sandbox
// and `next start` as child processes of their own (on the e2e suite's ports, the only app
// ports the sandbox's lobby-local client redirects to), a real sign-in through the sandbox's
// pages in Debian's chromium, and stopping all of it. Run them one at a time: the ports and
// `.next` are the e2e suite's too.

export { appUrl, sandboxUrl };

export interface Started {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The Node flags `npm start` gives the production server (package.json), so benches measure it. */
function productionNodeFlags(): string[] {
  const scripts = (
    JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }
  ).scripts;
  return (
    scripts.start
      .match(/(?<=^node )(?:--\S+ )*/)?.[0]
      .trim()
      .split(" ")
      .filter(Boolean) ?? []
  );
}

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim();
  } catch {
    throw new Error("Debian's chromium is needed: apt-get install chromium");
  }
}

/** Builds the app unless `.next` already holds a production build (BENCH_BUILD=1 forces one). */
export function ensureBuild(): void {
  if (process.env.BENCH_BUILD !== "1" && existsSync(".next/BUILD_ID")) return;
  console.log("Building the app (next build)...");
  execSync("npx next build", {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function start(command: string, args: string[], env: Record<string, string>, tag: string): Started {
  // Its own process group, so stopping it stops whatever it started.
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 40) tail.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (!stopping && code && code !== 0 && signal === null)
      console.error(`[${tag}] exited with ${code}:\n${tail.join("").slice(-2000)}`);
  });
  return {
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      stopping = true;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      const killed = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // gone
        }
      }, 10_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** The sandbox on the e2e port with a throwaway data directory and any free SMTP port. */
export async function startSandbox(): Promise<Started & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "lobby-bench-sandbox-"));
  const sandbox = start(
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts"],
    { SANDBOX_PORT: String(E2E_SANDBOX_PORT), SANDBOX_SMTP_PORT: "0", SANDBOX_DATA_DIR: dataDir },
    "sandbox",
  );
  await waitFor(`${sandboxUrl}/.well-known/openid-configuration`, sandbox.process);
  return {
    ...sandbox,
    dataDir,
    async stop() {
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `next start` on the e2e port against the sandbox, with its own PGlite directory and local
 * secrets (or `databaseUrl`), and the per-user GraphQL budget out of the way of a load test.
 */
export async function startApp(options: { databaseUrl?: string } = {}): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), "lobby-bench-app-"));
  const app = start(
    process.execPath,
    [
      // BENCH_CPU_PROF=<dir>: the app writes a V8 CPU profile there when it stops.
      ...(process.env.BENCH_CPU_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      ...productionNodeFlags(),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(E2E_APP_PORT),
    ],
    {
      NODE_ENV: "production",
      PORT: String(E2E_APP_PORT),
      APP_URL: appUrl,
      INDEED_ISSUER: sandboxUrl,
      ALLOW_LOCAL_SANDBOX: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DIR: join(dir, "pglite"),
      LOCAL_SECRETS_FILE: join(dir, "local-secrets.json"),
      DATABASE_URL: options.databaseUrl ?? "",
      RATE_LIMIT_AUTH_PER_MINUTE: "10000",
      RATE_LIMIT_GRAPHQL_PER_MINUTE: "100000000",
      SMTP_URL: "smtp://127.0.0.1:9",
    },
    "app",
  );
  await waitFor(`${appUrl}/api/health`, app.process);
  return {
    ...app,
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs `account` in for `employer` through the sandbox's pages; the app's cookies as a header. */
export async function signInCookie(account: string, employer: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ baseURL: appUrl });
    const page = await context.newPage();
    await signIn(page, { account, employer });
    const cookies = await context.cookies(appUrl);
    const session = cookies.find((cookie) => cookie.name.endsWith("lobby.session"));
    if (!session) throw new Error("signed in, but the app set no session cookie");
    return `${session.name}=${session.value}`;
  } finally {
    await browser.close();
  }
}

/** Seconds of CPU (user + system) a process and its descendants have used, from /proc. */
export function cpuSeconds(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const visit = (id: number) => {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
      for (const task of readFileSync(`/proc/${id}/task/${id}/children`, "utf8").split(" "))
        if (task.trim()) visit(Number(task));
    } catch {
      // exited meanwhile
    }
  };
  visit(pid);
  return total;
}

/** Posts JSON to the sandbox's control API. */
export async function control(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
