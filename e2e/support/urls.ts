// Where the e2e suite's own sandbox and app listen (see playwright.config.ts).
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const E2E_SANDBOX_SMTP_PORT = Number(process.env.E2E_SANDBOX_SMTP_PORT ?? 2625);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const sandboxUrl = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export const appUrl = `http://localhost:${E2E_APP_PORT}`;
// A second app, with INDEED_SCHEMA_EXTENSIONS=off, for the scheduling flow against the
// sandbox in its guide-strict schema mode (playwright.config.ts, project "guide-schema").
export const E2E_GUIDE_APP_PORT = E2E_APP_PORT + 1;
export const guideAppUrl = `http://localhost:${E2E_GUIDE_APP_PORT}`;
export const runDir = `.data/e2e-${E2E_APP_PORT}`;
