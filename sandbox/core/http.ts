import type { IncomingMessage, ServerResponse } from "node:http";
import type { JournalEntry } from "./journal";

/** A request as the sandbox's handlers see it: parsed URL, raw body read on demand. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  /** Reads the body once, refusing more than `limitBytes` (throws HttpError 413). */
  body(limitBytes?: number): Promise<Buffer>;
  raw: IncomingMessage;
  /** What the journal records about this request; handlers fill in what they know. */
  note: JournalNote;
}

export type JournalNote = Partial<
  Pick<
    JournalEntry,
    | "kind"
    | "clientId"
    | "grantType"
    | "grantId"
    | "operationName"
    | "variables"
    | "outcome"
    | "detail"
  >
>;

/** An error that maps to a plain HTTP answer; anything else becomes a logged 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const DEFAULT_BODY_LIMIT = 64 * 1024;

export function toSandboxRequest(raw: IncomingMessage, base: string): SandboxRequest {
  let cached: Promise<Buffer> | undefined;
  return {
    method: (raw.method ?? "GET").toUpperCase(),
    url: new URL(raw.url ?? "/", base),
    headers: raw.headers,
    raw,
    note: {},
    body(limitBytes = DEFAULT_BODY_LIMIT) {
      cached ??= new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        raw.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limitBytes) {
            reject(new HttpError(413, "Request body too large"));
            raw.resume();
            return;
          }
          chunks.push(chunk);
        });
        raw.on("end", () => resolve(Buffer.concat(chunks)));
        // A client that hangs up mid-body is its problem, not a sandbox error.
        raw.on("error", () => reject(new HttpError(400, "The request was aborted")));
      });
      return cached;
    },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(text);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    ...headers,
  });
  res.end(html);
}

export function redirect(
  res: ServerResponse,
  location: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", ...headers });
  res.end();
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is ignored, as a browser-facing server should.
    }
  }
  return cookies;
}

type Route = { method: string; pattern: RegExp; keys: string[]; handler: RouteHandler };
export type RouteHandler = (
  req: SandboxRequest,
  res: ServerResponse,
  params: Record<string, string>,
) => Promise<void> | void;

/** A tiny method + path router: `/events/:id` style patterns, first match wins. */
export class Router {
  private routes: Route[] = [];

  on(method: string | string[], path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      "^" +
        path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\/:(\w+)/g, (_, key: string) => {
          keys.push(key);
          return "/([^/]+)";
        }) +
        "/?$",
    );
    for (const m of Array.isArray(method) ? method : [method]) {
      this.routes.push({ method: m.toUpperCase(), pattern, keys, handler });
    }
    return this;
  }

  /** Finds the handler; a path known under other methods gives 405 with `Allow`. */
  match(
    method: string,
    pathname: string,
  ): { handler: RouteHandler; params: Record<string, string> } | { allow: string[] } | null {
    const allow: string[] = [];
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      if (route.method !== method && !(method === "HEAD" && route.method === "GET")) {
        allow.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        try {
          params[key] = decodeURIComponent(found[i + 1] ?? "");
        } catch {
          throw new HttpError(400, "Malformed percent-encoding in the URL path");
        }
      });
      return { handler: route.handler, params };
    }
    return allow.length > 0 ? { allow } : null;
  }
}
