import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { HttpError, type SandboxRequest } from "./http";

/**
 * What keeps a web page the developer happens to visit from driving the sandbox through their
 * browser. The control plane (`/_sandbox/*`) resets state, mints tokens and arms faults with no
 * credentials, so:
 *
 * - every request must name the sandbox's own host (`checkHost`): a DNS-rebinding page reaches
 *   127.0.0.1 under its own name, and would otherwise read and write everything same-origin;
 * - a state-changing control request (`checkControlWrite`) is refused when the browser says it
 *   comes from another origin, and must be `application/json`, which no page on another origin
 *   can send without a CORS preflight the sandbox never answers. The sandbox's own page forms
 *   are the one exception: a form post that carries the token the page was rendered with.
 */

const loopbackHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];

/** `host:port` spellings of the sandbox: the loopback names on its port, and the issuer's host. */
export function ownHosts(port: number, issuer: string): Set<string> {
  return new Set([...loopbackHosts(port), new URL(issuer).host.toLowerCase()]);
}

/** The origins of the sandbox's own pages: each loopback name over http, and the issuer's. */
export function ownOrigins(port: number, issuer: string): Set<string> {
  return new Set([
    ...loopbackHosts(port).map((host) => `http://${host}`),
    new URL(issuer).origin.toLowerCase(),
  ]);
}

/** 421 unless the Host header is one of `hosts`; on every path, pages included. */
export function checkHost(req: SandboxRequest, hosts: Set<string>): void {
  const host = (req.headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) {
    throw new HttpError(
      421,
      `This sandbox answers only as ${[...hosts].join(", ")}; the Host header "${host}" is not one of them`,
    );
  }
}

/** A state-changing request to the control plane: any method but GET and HEAD under `/_sandbox/`. */
export function isControlWrite(req: SandboxRequest): boolean {
  return req.url.pathname.startsWith("/_sandbox/") && req.method !== "GET" && req.method !== "HEAD";
}

/**
 * Refuses a control write before its handler runs, so a refused request changes nothing:
 * 403 for another origin (`Origin`, including `null`, or `Sec-Fetch-Site`), 415 for a body
 * that is not JSON, 403 for a page form whose token does not match its action.
 */
export async function checkControlWrite(
  req: SandboxRequest,
  options: { origins: Set<string>; formTokens: FormTokens },
): Promise<void> {
  const origin = req.headers.origin;
  const fetchSite = req.headers["sec-fetch-site"];
  if (
    (origin !== undefined && !options.origins.has(origin.toLowerCase())) ||
    fetchSite === "cross-site" ||
    fetchSite === "same-site"
  ) {
    throw new HttpError(403, "Control requests from another origin are refused");
  }
  const type = mediaTypeOf(req);
  if (type === "application/json") return;
  if (type === "application/x-www-form-urlencoded") {
    const token = new URLSearchParams((await req.body(16 * 1024)).toString("utf8")).get("csrf");
    if (token !== null) {
      if (options.formTokens.verify(req.url.pathname, token)) return;
      throw new HttpError(403, "This form has expired: reload the page and send it again");
    }
  }
  throw new HttpError(
    415,
    "Control requests must be POST with Content-Type: application/json (send {} for no options)",
  );
}

function mediaTypeOf(req: SandboxRequest): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Tokens for the sandbox's own page forms that post to a control route: an HMAC of the form's
 * action under a per-process secret. Not bound to a browser: the pages that carry them need no
 * sign-in, and another origin can read neither the page (same-origin policy, and `checkHost`
 * stops rebinding) nor the secret. A restart makes open forms stale (403, reload the page).
 */
export class FormTokens {
  private readonly secret = randomBytes(32);

  issue(action: string): string {
    return createHmac("sha256", this.secret).update(`control-form:${action}`).digest("base64url");
  }

  verify(action: string, token: string): boolean {
    const expected = Buffer.from(this.issue(action));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
