/**
 * What proxy.ts decides before Next routes a request. Pure, so tests can run tables of hostile
 * input through it.
 *
 * Next decodes a dynamic segment with decodeURIComponent before any page code runs: a path like
 * `/interviews/%zz` throws there and ends in a 500, and a decoded NUL or a 5,000-character id
 * reaches the database or Indeed. So paths with bad percent-encoding, control characters or an
 * absurd length are refused here: a 404 page, or a 400 JSON error under /api/.
 */

/** Longer than any URL Lobby builds (ids are at most 300 characters). */
export const MAX_PATH_LENGTH = 1024;

/** No route has this path: the proxy rewrites to it so that Next renders its 404 page. */
export const NOT_FOUND_PATH = "/_lobby/not-found";

/** Next-auth's routes take small forms and query strings; nothing legitimate comes near this. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** next.config.js's serverActions.bodySizeLimit: the CSV import's 2 MB file and its form. */
export const MAX_ACTION_BODY_BYTES = 3 * 1024 * 1024;

export type PathProblem = "too-long" | "bad-encoding" | "control-character";

// C0 controls, DEL and C1 controls: no id or page name has them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `pathname` (as received, still percent-encoded) cannot be a Lobby path, if it cannot. */
export function pathProblem(pathname: string): PathProblem | undefined {
  if (pathname.length > MAX_PATH_LENGTH) return "too-long";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "bad-encoding";
  }
  if (CONTROL.test(pathname) || CONTROL.test(decoded)) return "control-character";
  return undefined;
}

/** The sign-in machinery: the sign-in page and next-auth's routes. Limited per client IP. */
export function isSignInPath(pathname: string): boolean {
  return /^\/(signin|api\/auth)(\/|$)/.test(pathname);
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * The client's address for per-IP limits. With `trustedProxies` reverse proxies in front of
 * Lobby, each appending to X-Forwarded-For, the client is the entry that many places from the
 * right; entries further left were written by the client and are ignored. With none, the header
 * is the client's own claim and is not trusted: every client shares the key "direct".
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  if (trustedProxies < 1) return "direct";
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxies] ?? chain[0] ?? "unknown";
}

/** A browser navigation gets a page; fetch calls get JSON. */
export function wantsHtml(headers: Headers): boolean {
  return (
    headers.get("sec-fetch-mode") === "navigate" ||
    (headers.get("accept") ?? "").includes("text/html")
  );
}
