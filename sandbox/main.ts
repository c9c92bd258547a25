import { resolve } from "node:path";
import { startSandbox } from "./server";

// `npm run sandbox`: the Indeed sandbox on its own. Reads only its own variables.
const port = Number(process.env.SANDBOX_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got "${process.env.SANDBOX_PORT}"`);
  process.exit(1);
}
const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? ".data/sandbox");

const sandbox = await startSandbox({ port, dataDir, issuer: process.env.SANDBOX_ISSUER }).catch(
  (error: unknown) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === "EADDRINUSE") {
      console.error(
        `[sandbox] Port ${port} is already in use: another sandbox may be running. ` +
          `Stop it, or pick another port with SANDBOX_PORT=<port> npm run sandbox.`,
      );
    } else if (code === "EACCES") {
      console.error(
        `[sandbox] Not allowed to listen on port ${port}; choose another with SANDBOX_PORT.`,
      );
    } else {
      console.error("[sandbox] Could not start:", error instanceof Error ? error.message : error);
    }
    process.exit(1);
  },
);
console.log(`[sandbox] Indeed sandbox on ${sandbox.url} (state in ${dataDir})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
