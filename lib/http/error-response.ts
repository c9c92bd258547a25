import { wantsHtml } from "@/lib/security/request-gate";
import type { AppError, ErrorCode } from "./app-error";

/**
 * The one builder of error responses. An API call gets JSON `{ error: { code, message,
 * requestId, fieldErrors? } }` with the code's status, `Cache-Control: no-store`, `X-Request-Id`
 * and `Retry-After` when the error has one. A browser's own form post or navigation gets a 303
 * to /problem, a page that says the code's message in words (never JSON in a tab). Pure: the
 * route wrapper, proxy.ts and tests use it.
 */

/** The page a browser is sent to; it shows the code's default message, nothing from the request. */
export const PROBLEM_PATH = "/problem";

export interface ErrorResponseOptions {
  requestId: string;
  /** Answer with a redirect to the problem page (a browser form post or navigation). */
  page?: boolean;
  headers?: Record<string, string>;
}

export function errorResponse(error: AppError, options: ErrorResponseOptions): Response {
  const retryAfter = error.retryAfterSeconds;
  const common = {
    "Cache-Control": "no-store",
    "X-Request-Id": options.requestId,
    ...options.headers,
  };
  if (options.page) return seeOther(problemPageHref(error.code, retryAfter), common);
  return Response.json(error.toBody(options.requestId), {
    status: error.status,
    headers: {
      ...common,
      ...(retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {}),
    },
  });
}

/** 303 See Other: where a browser's form post goes next (always a path of this app). */
export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, {
    status: 303,
    headers: { "Cache-Control": "no-store", ...headers, Location: location },
  });
}

/** `/problem?code=RATE_LIMITED&retryAfter=42`: only a known code and a whole number travel. */
export function problemPageHref(code: ErrorCode, retryAfterSeconds?: number): string {
  const query = new URLSearchParams({ code });
  if (retryAfterSeconds !== undefined && Number.isSafeInteger(retryAfterSeconds))
    query.set("retryAfter", String(retryAfterSeconds));
  return `${PROBLEM_PATH}?${query.toString()}`;
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * A request the browser sent as a page would: an HTML form's post (urlencoded or multipart; a
 * fetch call sends JSON) or a navigation (`Sec-Fetch-Mode: navigate`, `Accept: text/html`). Its
 * errors should be a page, not JSON.
 */
export function isBrowserPageRequest(request: Request): boolean {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (request.method !== "GET" && request.method !== "HEAD" && FORM_TYPES.includes(type))
    return true;
  return wantsHtml(request.headers);
}

/** A fresh request id (also where no wrapper gave one: proxy.ts's refusals). */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}
