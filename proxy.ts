import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { securityHeaders } from "@/lib/security/headers";

/**
 * Next 16's proxy (formerly middleware): security headers on every response, with a fresh CSP
 * nonce per request that Next applies to its own scripts. It does not decide who is signed
 * in: every page and route handler checks the session itself (lib/auth/session.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const settings = appConfig();
  const headers = securityHeaders({
    nonce,
    pathname: request.nextUrl.pathname,
    development: settings.env === "development",
    appUrl: settings.appUrl,
    production: settings.production,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // The app shell builds "return here" links from it; never trusted beyond safeReturnPath.
  requestHeaders.set("x-lobby-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
