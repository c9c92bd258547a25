/**
 * The security headers of every response, computed per request (the CSP carries a fresh nonce).
 * Pure: proxy.ts calls it, tests check it.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  pathname: string;
  /** `next dev`: React needs eval for its dev tooling, and HMR a websocket. */
  development: boolean;
  /** The app's base URL: HSTS and upgrade-insecure-requests only when it is https. */
  appUrl: string;
  production: boolean;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const https = options.appUrl.startsWith("https://");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // React and Radix set style attributes; nonces cannot cover those.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

function isLocalhost(appUrl: string): boolean {
  const host = new URL(appUrl).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

/** Paths whose responses must never be stored (pages, API, the OAuth callback). */
export function isUncacheable(pathname: string): boolean {
  return (
    !pathname.startsWith("/_next/static/") &&
    !pathname.startsWith("/_next/image") &&
    pathname !== "/favicon.ico"
  );
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const callback = options.pathname.startsWith("/api/auth/callback/");
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": callback ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (options.production && options.appUrl.startsWith("https://") && !isLocalhost(options.appUrl)) {
    headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  }
  if (isUncacheable(options.pathname)) headers["Cache-Control"] = "no-store";
  return headers;
}

/**
 * The headers of a route handler that proxy.ts's matcher leaves out (the GraphQL route, for its
 * per-request cost): the same set, never stored, with a policy that lets a JSON answer load
 * nothing, so no nonce. lib/http/route.ts sets them (`securityHeaders: true`).
 */
export function routeSecurityHeaders(
  options: Pick<SecurityHeaderOptions, "appUrl" | "production">,
): Record<string, string> {
  return {
    ...securityHeaders({ ...options, nonce: "", pathname: "/api/", development: false }),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  };
}
