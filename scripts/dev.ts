import { spawn, type ChildProcess } from "node:child_process";
import { config, type Config } from "@/lib/config";

// `npm run dev`: the whole embedded setup in one process tree. The Indeed sandbox starts when
// the configured issuer is the local one; the app runs `next dev` and uses PGlite unless
// DATABASE_URL is set. Stopping either one stops both.
let settings: Config;
try {
  settings = config();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code: number) {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}

// The sandbox's SMTP server (its mailbox shows what the app sends); the child reads the same variable.
const sandboxSmtpUrl = `smtp://127.0.0.1:${process.env.SANDBOX_SMTP_PORT || "2525"}`;
if (settings.indeed.usesSandbox) {
  const sandboxPort = new URL(settings.indeed.issuer).port || String(settings.sandbox.port);
  start("sandbox", "npx", ["tsx", "sandbox/main.ts"], {
    SANDBOX_PORT: sandboxPort,
    SANDBOX_DATA_DIR: settings.sandbox.dataDir,
  });
}
start("app", "npx", ["next", "dev", "-p", String(settings.port)], {
  NEXT_TELEMETRY_DISABLED: "1",
  // Candidate mail goes to the sandbox's mailbox unless SMTP_URL names another server.
  ...(settings.indeed.usesSandbox && !process.env.SMTP_URL ? { SMTP_URL: sandboxSmtpUrl } : {}),
});

console.log(
  `[dev] Lobby on ${settings.appUrl}` +
    (settings.indeed.usesSandbox
      ? `, Indeed sandbox on ${settings.indeed.issuer} (SMTP ${sandboxSmtpUrl}, ` +
        `mailbox ${settings.indeed.issuer}/_sandbox/mailbox)`
      : `, Indeed at ${settings.indeed.issuer}`) +
    `, database: ${settings.database.kind}`,
);

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
