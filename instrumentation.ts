import type { Instrumentation } from "next";

// Next calls this once per server process before serving. The Node.js part stops the process on
// a bad configuration, brings the database up to date, so no request meets a half-migrated
// schema, and starts the process's job worker (lib/jobs), which stops gracefully on SIGTERM.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/start-server");
    await startServer();
  }
}

// One log line per error that reaches an error boundary, keyed by the digest the page shows.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { requestErrorLine } = await import("@/lib/observability/request-error");
  console.error(requestErrorLine(error, request, context));
};
