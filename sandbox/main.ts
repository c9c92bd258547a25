import { resolve } from "node:path";
import { startSandbox } from "./server";
import {
  ACCESS_MODES,
  modeFromEnv,
  SCHEMA_MODES,
  type InterviewApiModes,
} from "./interviews/api-modes";

// `npm run sandbox`: the Indeed sandbox on its own. Reads only its own variables.
const port = Number(process.env.SANDBOX_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got "${process.env.SANDBOX_PORT}"`);
  process.exit(1);
}
const smtpPort = Number(process.env.SANDBOX_SMTP_PORT || 2525);
if (!Number.isInteger(smtpPort) || smtpPort < 0 || smtpPort > 65535) {
  console.error(`SANDBOX_SMTP_PORT must be a port number, got "${process.env.SANDBOX_SMTP_PORT}"`);
  process.exit(1);
}
if (smtpPort !== 0 && smtpPort === port) {
  console.error(`SANDBOX_SMTP_PORT must differ from SANDBOX_PORT (both are ${port})`);
  process.exit(1);
}
const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? ".data/sandbox");
let interviews: InterviewApiModes;
try {
  interviews = {
    schema: modeFromEnv("SANDBOX_SCHEMA", process.env.SANDBOX_SCHEMA, SCHEMA_MODES, "extended"),
    access: modeFromEnv("SANDBOX_ACCESS", process.env.SANDBOX_ACCESS, ACCESS_MODES, "interviewer"),
  };
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const sandbox = await startSandbox({
  port,
  smtpPort,
  dataDir,
  issuer: process.env.SANDBOX_ISSUER,
  interviews,
}).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // The HTTP server listens first; a listen error naming another port is the SMTP server's.
  const failedPort = (error as { port?: number } | undefined)?.port ?? port;
  const variable = failedPort === port ? "SANDBOX_PORT" : "SANDBOX_SMTP_PORT";
  if (code === "EADDRINUSE") {
    console.error(
      `[sandbox] Port ${failedPort} is already in use: another sandbox may be running. ` +
        `Stop it, or pick another port with ${variable}=<port> npm run sandbox.`,
    );
  } else if (code === "EACCES") {
    console.error(
      `[sandbox] Not allowed to listen on port ${failedPort}; choose another with ${variable}.`,
    );
  } else {
    console.error("[sandbox] Could not start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
console.log(`[sandbox] Indeed sandbox on ${sandbox.url} (state in ${dataDir})`);
console.log(
  `[sandbox] Interview API: schema ${interviews.schema}, access ${interviews.access} ` +
    "(SANDBOX_SCHEMA, SANDBOX_ACCESS)",
);
console.log(
  `[sandbox] SMTP server on smtp://127.0.0.1:${sandbox.smtpPort}; ` +
    `mailbox at ${sandbox.url}/_sandbox/mailbox`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
