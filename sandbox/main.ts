import { resolve } from "node:path";
import { startSandbox } from "./server";

// `npm run sandbox`: the Indeed sandbox on its own. Reads only its own variables.
const port = Number(process.env.SANDBOX_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got "${process.env.SANDBOX_PORT}"`);
  process.exit(1);
}
const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? ".data/sandbox");

const sandbox = await startSandbox({ port, dataDir, issuer: process.env.SANDBOX_ISSUER });
console.log(`[sandbox] Indeed sandbox on ${sandbox.url} (state in ${dataDir})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
