/**
 * The server's log line for an error that reached Next's error boundary. Its `ref` is the
 * error's digest, the same value `app/error.tsx` shows the person, so a support request that
 * quotes the reference finds this line. Only the error's name and message are logged: request
 * headers can hold cookies, and the query string of a callback holds an OAuth code.
 */
export function requestErrorLine(
  error: unknown,
  request: { method: string; path: string },
  context: { routeType: string },
): string {
  const digest =
    typeof error === "object" && error !== null && "digest" in error
      ? String((error as { digest: unknown }).digest)
      : "none";
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  const path = request.path.split("?")[0];
  return `[error] ref=${digest} ${request.method} ${path} (${context.routeType}) ${name}: ${message}`;
}
