import { AppError } from "@/lib/http/app-error";
import { errorResponse, newRequestId } from "@/lib/http/error-response";

/**
 * The refusals Lobby answers before a handler runs (rate limit, body limit, bad path), as
 * AppErrors in the one error shape (lib/http/error-response.ts), or as a small page for a
 * browser navigation that hit the sign-in rate limit. Pure: proxy.ts, lib/http/route.ts and the
 * GraphQL route use them, tests read them.
 */

/** "30 seconds", "1 minute", "2 minutes". */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function rateLimitMessage(retryAfterSeconds: number): string {
  return `Too many requests in a short time; wait ${waitText(retryAfterSeconds)}, then try again`;
}

/** Lobby's own limiter refused: RATE_LIMITED with the wait in words and in Retry-After. */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", rateLimitMessage(retryAfterSeconds), { retryAfterSeconds });
}

export function payloadTooLargeError(limitBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The request body is too large (at most ${Math.round(limitBytes / 1024)} KB)`,
  );
}

/** 429 with Retry-After: JSON for API calls, a page with a way back for navigations. */
export function rateLimitedResponse(retryAfterSeconds: number, html: boolean): Response {
  const error = rateLimitedError(retryAfterSeconds);
  const requestId = newRequestId();
  if (!html) return errorResponse(error, { requestId });
  return new Response(
    page("Too many sign-in attempts", error.message, "/signin", "Back to sign-in"),
    {
      status: 429,
      headers: {
        "Cache-Control": "no-store",
        "Retry-After": String(retryAfterSeconds),
        "X-Request-Id": requestId,
        "Content-Type": "text/html; charset=utf-8",
      },
    },
  );
}

export function payloadTooLargeResponse(limitBytes: number): Response {
  return errorResponse(payloadTooLargeError(limitBytes), { requestId: newRequestId() });
}

export function badPathResponse(): Response {
  return errorResponse(new AppError("INVALID_REQUEST", "The address is not valid"), {
    requestId: newRequestId(),
  });
}

// Static text only: nothing from the request is echoed into the page.
function page(title: string, message: string, href: string, link: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Lobby</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}
a{color:#1d4ed8}
a:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p role="alert">${message}.</p>
<p><a href="${href}">${link}</a></p>
</main>
</body>
</html>
`;
}
