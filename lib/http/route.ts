import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getEmployerSessionFromRequest, type EmployerSession } from "@/lib/auth/load-session";
import { checkSameOrigin } from "@/lib/auth/origin-check";
import { config } from "@/lib/config";
import { withBodyLimit } from "@/lib/security/body-limit";
import { payloadTooLargeError } from "@/lib/security/error-responses";
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
 * Every answer carries `X-Request-Id`.
 */
export interface RouteOptions {
  auth: "employer" | "none";
  /** Refuse cross-site requests. Default: for every method but GET, HEAD and OPTIONS. */
  sameOrigin?: boolean;
  /** Largest body in bytes; larger is 413 PAYLOAD_TOO_LARGE before the handler runs. */
  bodyLimit?: number;
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
  return async (incoming, context) => {
    const requestId = newRequestId();
    const page = (options.pages ?? false) && isBrowserPageRequest(incoming);
    const fail = (error: AppError, headers?: Record<string, string>) =>
      errorResponse(error, { requestId, page, headers });
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
      if (options.bodyLimit !== undefined) {
        const limited = await withBodyLimit(incoming, options.bodyLimit);
        if (!limited) return fail(payloadTooLargeError(options.bodyLimit));
        request = limited;
      }
      const params = ((await context?.params) ?? {}) as Params;
      // `session` is set whenever auth is "employer"; the overloads give it only to those handlers.
      const response = await handler(request, {
        requestId,
        params,
        session: session as EmployerSession,
      });
      return withRequestId(response, requestId);
    } catch (error) {
      unstable_rethrow(error);
      return fail(answerFor(error, requestId, "route", log));
    }
  };
}

function withRequestId(response: Response, requestId: string): Response {
  if (response.headers.has("x-request-id")) return response;
  try {
    response.headers.set("X-Request-Id", requestId);
    return response;
  } catch {
    // Response.redirect() and fetch() responses have immutable headers.
    const copy = new Response(response.body, response);
    copy.headers.set("X-Request-Id", requestId);
    return copy;
  }
}
