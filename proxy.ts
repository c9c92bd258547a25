import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { declaredTooLarge } from "@/lib/security/body-limit";
import {
  badPathResponse,
  payloadTooLargeResponse,
  rateLimitedResponse,
} from "@/lib/security/error-responses";
import { securityHeaders } from "@/lib/security/headers";
import { rateLimiters } from "@/lib/security/rate-limit";
import {
  clientAddress,
  isApiPath,
  isSignInPath,
  MAX_ACTION_BODY_BYTES,
  MAX_AUTH_BODY_BYTES,
  NOT_FOUND_PATH,
  pathProblem,
  wantsHtml,
} from "@/lib/security/request-gate";

/**
 * Next 16's proxy (formerly middleware; it always runs on Node): security headers on every
 * response, with a fresh CSP nonce per request that Next applies to its own scripts. Before
 * routing, it refuses malformed paths (Next would answer 500) and spends the caller's per-IP
 * budget on the sign-in machinery. It does not decide who is signed in: every page and route
 * handler checks the session itself (lib/auth/session.ts).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const settings = appConfig();
  const { pathname } = request.nextUrl;
  const headers = securityHeaders({
    nonce,
    pathname,
    development: settings.env === "development",
    appUrl: settings.appUrl,
    production: settings.production,
  });
  const secured = (response: Response) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);

  if (pathProblem(pathname)) {
    if (isApiPath(pathname)) return secured(badPathResponse());
    requestHeaders.set("x-lobby-path", "/");
    return secured(
      NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), {
        request: { headers: requestHeaders },
      }),
    );
  }

  // Next answers an oversized server action with a 500; refuse it first, with a 413.
  if (request.headers.has("next-action") && declaredTooLarge(request, MAX_ACTION_BODY_BYTES)) {
    return secured(payloadTooLargeResponse(MAX_ACTION_BODY_BYTES));
  }

  if (isSignInPath(pathname)) {
    // next-auth's handler is not ours to edit; its bodies are small forms.
    if (declaredTooLarge(request, MAX_AUTH_BODY_BYTES)) {
      return secured(payloadTooLargeResponse(MAX_AUTH_BODY_BYTES));
    }
    const outcome = await spendSignInBudget(request, settings.rateLimits.trustedProxies);
    if (!outcome.allowed) {
      return secured(rateLimitedResponse(outcome.retryAfterSeconds, wantsHtml(request.headers)));
    }
  }

  // Route handlers render no page: the nonce and the path below are for pages, and rewriting a
  // request's headers is a cost every API call (the GraphQL route above all) would pay.
  if (isApiPath(pathname)) return secured(NextResponse.next());

  // The app shell builds "return here" links from it; never trusted beyond safeReturnPath.
  requestHeaders.set("x-lobby-path", `${pathname}${request.nextUrl.search}`);
  return secured(NextResponse.next({ request: { headers: requestHeaders } }));
}

/**
 * Every path but the GraphQL route: its exact path has no path problem, no server action and
 * no sign-in budget, and its security headers are set by lib/http/route.ts, so the proxy
 * (Next builds a second request for it) would only add cost to the busiest API call.
 */
export const config = {
  matcher: ["/((?!api/indeed/graphql$).*)"],
};

async function spendSignInBudget(request: NextRequest, trustedProxies: number) {
  try {
    return await (
      await rateLimiters()
    ).auth.consume(clientAddress(request.headers, trustedProxies));
  } catch (error) {
    // No limiter (the database is down at start): sign-in fails on its own, with its own page.
    console.error("[proxy] rate limiter unavailable", (error as Error).message);
    return { allowed: true } as const;
  }
}
