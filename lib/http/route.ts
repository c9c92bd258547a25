import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getEmployerSessionFromRequest, type EmployerSession } from "@/lib/auth/load-session";
import { checkSameOrigin } from "@/lib/auth/origin-check";
import { config } from "@/lib/config";
import { readBodyLimited, withBody } from "@/lib/security/body-limit";
import { payloadTooLargeError } from "@/lib/security/error-responses";
import { routeSecurityHeaders } from "@/lib/security/headers";
import { AppError } from "./app-error";
import { errorResponse, isBrowserPageRequest, newRequestId } from "./error-response";
import { answerFor } from "./to-app-error";

/**
 * The one wrapper of every route handler (server actions: lib/http/action.ts). In this order:
 * a request id; the allowed methods (405 with `Allow`); for state-changing methods, that the
 * request comes from the app's own pages (403, lib/auth/origin-check.ts); the session (401
 * NOT_SIGNED_IN) and its employer (403 FORBIDDEN once the employer is no longer the user's,
 * unless `allowLostEmployer`); the body limit (413, read under the limit so a chunked body
 * cannot get past it). Then the handler, inside a try/catch: a thrown AppError (or an error
 * lib/http/to-app-error.ts knows) is answered as such, anything else is logged and answered 500
 * INTERNAL_ERROR with the request id, never with Next's default page or a stack trace.
 * Every answer carries `X-Request-Id`, and the security headers when the proxy does not run.
 */
export interface RouteOptions {
  auth: "employer" | "none";
  /** Refuse cross-site requests. Default: for every method but GET, HEAD and OPTIONS. */
  sameOrigin?: boolean;
  /** Largest body in bytes; larger is 413 PAYLOAD_TOO_LARGE before the handler runs. */
  bodyLimit?: number;
  /**
   * With `bodyLimit`: the handler reads the bytes read under the limit from `context.body`
   * and gets the incoming request as it is (no copy of the request to build).
   */
  bodyBytes?: boolean;
  /** proxy.ts's matcher leaves this route out: set the security headers here. */
  securityHeaders?: boolean;
  /** Let a session whose employer is gone through (the employer switch: its way out). */
  allowLostEmployer?: boolean;
  /** The methods the route takes; any other is 405 METHOD_NOT_ALLOWED. Default: any. */
  methods?: readonly string[];
  /**
   * The browser's own forms post here or navigate here: errors for such requests are a 303 to
   * the problem page (lib/http/error-response.ts) instead of JSON. API calls still get JSON.
   */
  pages?: boolean;
  /** Looks the session up; tests inject one. Default: the request's session cookie. */
  getSession?: (request: Request) => Promise<EmployerSession | null>;
  /** The app's origin for the origin check; tests inject one. Default: APP_URL. */
  appUrl?: string;
  /** Where refusals and failures are logged; tests inject one. */
  log?: (line: string) => void;
}

export interface RouteContext<Params> {
  requestId: string;
  params: Params;
  /** The body read under the limit, when the route says `bodyBytes`. */
  body?: Buffer;
}

export interface EmployerRouteContext<Params> extends RouteContext<Params> {
  session: EmployerSession;
}

type DefaultParams = Record<string, string | string[]>;

/** What Next calls: the request and a context whose params are a promise. */
export type NextRouteHandler<Params> = (
  request: Request,
  context?: { params?: Promise<Params> },
) => Promise<Response>;

export function route<Params = DefaultParams>(
  options: RouteOptions & { auth: "employer" },
  handler: (
    request: Request,
    context: EmployerRouteContext<Params>,
  ) => Promise<Response> | Response,
): NextRouteHandler<Params>;
export function route<Params = DefaultParams>(
  options: RouteOptions & { auth: "none" },
  handler: (request: Request, context: RouteContext<Params>) => Promise<Response> | Response,
): NextRouteHandler<Params>;
export function route<Params = DefaultParams>(
  options: RouteOptions,
  handler: (
    request: Request,
    context: EmployerRouteContext<Params>,
  ) => Promise<Response> | Response,
): NextRouteHandler<Params> {
  const log = options.log ?? ((line: string) => console.error(line));
  // Read from the config on the first request (not while Next builds), then the same each time.
  let secured: Record<string, string> | undefined;
  const securedHeaders = () => {
    if (!options.securityHeaders) return {};
    const settings = config();
    secured ??= routeSecurityHeaders({ appUrl: settings.appUrl, production: settings.production });
    return secured;
  };
  return async (incoming, context) => {
    const requestId = newRequestId();
    const page = (options.pages ?? false) && isBrowserPageRequest(incoming);
    const fail = (error: AppError, headers?: Record<string, string>) =>
      errorResponse(error, { requestId, page, headers: { ...securedHeaders(), ...headers } });
    try {
      if (options.methods && !options.methods.includes(incoming.method)) {
        const allowed = options.methods.join(", ");
        return fail(new AppError("METHOD_NOT_ALLOWED", `Use ${allowed}`), { Allow: allowed });
      }
      const unsafe = !["GET", "HEAD", "OPTIONS"].includes(incoming.method);
      if (options.sameOrigin ?? unsafe) {
        const origin = checkSameOrigin(incoming.headers, options.appUrl ?? config().appUrl);
        if (!origin.ok) {
          log(`[route] ${requestId} refused a cross-site request (${origin.reason})`);
          return fail(new AppError("FORBIDDEN", "Cross-site requests are not allowed"));
        }
      }
      let session: EmployerSession | undefined;
      if (options.auth === "employer") {
        const found = await (options.getSession ?? getEmployerSessionFromRequest)(incoming);
        if (!found) return fail(new AppError("NOT_SIGNED_IN"));
        if (!found.employerAccess && !options.allowLostEmployer) {
          const message = `You no longer have access to ${found.employer.name}`;
          return fail(new AppError("FORBIDDEN", message));
        }
        session = found;
      }
      let request = incoming;
      let body: Buffer | undefined;
      if (options.bodyLimit !== undefined) {
        const read = await readBodyLimited(incoming, options.bodyLimit);
        if (!read) return fail(payloadTooLargeError(options.bodyLimit));
        if (options.bodyBytes) body = read;
        else request = withBody(incoming, read);
      }
      const params = ((await context?.params) ?? {}) as Params;
      // `session` is set whenever auth is "employer"; the overloads give it only to those handlers.
      const response = await handler(request, {
        requestId,
        params,
        session: session as EmployerSession,
        body,
      });
      return withHeaders(response, { "X-Request-Id": requestId, ...securedHeaders() });
    } catch (error) {
      unstable_rethrow(error);
      return fail(answerFor(error, requestId, "route", log));
    }
  };
}

/** Adds the headers the response does not set itself (its own X-Request-Id stays). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const missing = Object.entries(headers).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  try {
    for (const [name, value] of missing) response.headers.set(name, value);
    return response;
  } catch {
    // Response.redirect() and fetch() responses have immutable headers.
    const copy = new Response(response.body, response);
    for (const [name, value] of missing) copy.headers.set(name, value);
    return copy;
  }
}
