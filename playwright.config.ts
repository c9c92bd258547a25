import { execSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { e2eAppEnv } from "./e2e/support/app-env";

// The e2e suite runs its own sandbox and app on ports apart from `npm run dev` (4010/3000),
// so a developer's running app never interferes. Both use throwaway data directories.
import {
  appUrl,
  E2E_APP_PORT,
  E2E_GUIDE_APP_PORT,
  E2E_SANDBOX_PORT,
  E2E_SANDBOX_SMTP_PORT,
  guideAppUrl,
  runDir,
  sandboxUrl,
} from "./e2e/support/urls";

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim();
  } catch {
    throw new Error("Debian's chromium is needed for the e2e tests: apt-get install chromium");
  }
}

// E2E_ONLY_SANDBOX=1 starts the sandbox alone, for the sandbox's own browser tests.
const onlySandbox = process.env.E2E_ONLY_SANDBOX === "1";

/** A production build of the app on `port`, against the suite's sandbox, with its own database. */
function appServer(port: number, url: string, env: Record<string, string> = {}) {
  return {
    command: `rm -rf ${runDir}/app-${port} && npx next start -p ${port}`,
    url: `${url}/api/health`,
    env: {
      ...e2eAppEnv({ port, url, issuer: sandboxUrl, smtpPort: E2E_SANDBOX_SMTP_PORT }),
      ...env,
    },
    reuseExistingServer: false,
    timeout: 120_000,
  };
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: appUrl,
    locale: "en-US",
    timezoneId: "America/New_York",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      // The scheduling flow and the recruiter's calendar again, with Lobby sending only what
      // Indeed's guide shows (INDEED_SCHEMA_EXTENSIONS=off) and the sandbox refusing anything
      // else (SANDBOX_SCHEMA guide, switched on by the specs): Lobby must not lean on the
      // sandbox's extensions (no sort at Indeed: the calendar sorts each page itself).
      name: "guide-schema",
      dependencies: ["chromium"],
      testMatch: /(interviews|calendar)\.spec\.ts/,
      grep: /schedules an interview from an application|work with only the guide's schema/,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: guideAppUrl },
    },
  ],
  webServer: [
    {
      command: `rm -rf ${runDir}/sandbox && npx tsx sandbox/main.ts`,
      url: `${sandboxUrl}/.well-known/openid-configuration`,
      env: {
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        SANDBOX_SMTP_PORT: String(E2E_SANDBOX_SMTP_PORT),
        SANDBOX_DATA_DIR: `${runDir}/sandbox`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...(onlySandbox
      ? []
      : [
          appServer(E2E_APP_PORT, appUrl),
          appServer(E2E_GUIDE_APP_PORT, guideAppUrl, { INDEED_SCHEMA_EXTENSIONS: "off" }),
        ]),
  ],
});
