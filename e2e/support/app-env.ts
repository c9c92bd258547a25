import { runDir } from "./urls";

/**
 * The environment of a production build of the app on `port` for the e2e suite: against the
 * sandbox at `issuer` (mail to its SMTP port), with its own throwaway PGlite database.
 */
export function e2eAppEnv({
  port,
  url,
  issuer,
  smtpPort,
}: {
  port: number;
  url: string;
  issuer: string;
  smtpPort: number;
}): Record<string, string> {
  return {
    PORT: String(port),
    APP_URL: url,
    PGLITE_DIR: `${runDir}/app-${port}/pglite`,
    INDEED_ISSUER: issuer,
    ALLOW_LOCAL_SANDBOX: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // Every test signs in from 127.0.0.1: one address, far more sign-ins than a person's.
    RATE_LIMIT_AUTH_PER_MINUTE: "10000",
    // Candidate mail goes to the sandbox's own mailbox.
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  };
}
