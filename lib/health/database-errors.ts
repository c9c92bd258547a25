/**
 * Whether an error means the database went away under a request (a restart, a failover, a
 * terminated backend), rather than a query being wrong. Such a request is answered
 * DATABASE_UNAVAILABLE (503, try again) instead of INTERNAL_ERROR; the pool drops the broken
 * connection, so the next request gets a fresh one. Walks the `cause` chain: drizzle wraps the
 * driver's error.
 */

// SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown,
// cannot connect now).
const LOST_SQLSTATE = /^(08...|57P0[123])$/;
const LOST_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
// node-postgres's own messages when the socket closes or no connection comes in time.
const LOST_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

export function isDatabaseConnectionLost(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === "string") {
      if (LOST_SQLSTATE.test(candidate.code) || LOST_SOCKET.has(candidate.code)) return true;
    }
    if (typeof candidate.message === "string" && LOST_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
