import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getEmployerSession } from "@/lib/auth/current-session";
import type { EmployerSession } from "@/lib/auth/load-session";
import { checkSameOrigin } from "@/lib/auth/origin-check";
import { config } from "@/lib/config";
import { AppError } from "./app-error";
import { newRequestId } from "./error-response";
import { answerFor } from "./to-app-error";

/**
 * The one wrapper of every server action, the twin of lib/http/route.ts: a request id; that the
 * post comes from the app's own pages (Next checks Origin against Host too; this checks it
 * against APP_URL like every route); the session and its employer; then the action inside a
 * try/catch. Refusals and failures never throw to Next (whose answer would be a generic error
 * screen): a thrown AppError, or one lib/http/to-app-error.ts knows, goes to `onError`, which
 * says how the form shows it; anything else is logged with the request id and goes to `onError`
 * as INTERNAL_ERROR. Next's redirect() and notFound() pass through. Body limits are Next's
 * (next.config.js serverActions.bodySizeLimit) and proxy.ts's, before the action runs.
 */
export interface ActionOptions<Args extends unknown[], State> {
  auth: "employer";
  /** Let a session whose employer is gone through. */
  allowLostEmployer?: boolean;
  /** What the action answers for an error: usually the form's state with `error: message`. */
  onError: (error: AppError, context: { requestId: string }, ...args: Args) => NoInfer<State>;
  /** Looks the session up; tests inject one. Default: the request's session cookie. */
  getSession?: () => Promise<EmployerSession | null>;
  /** The request's headers for the origin check; tests inject them. */
  requestHeaders?: () => Promise<Pick<Headers, "get">>;
  /** The app's origin; tests inject one. Default: APP_URL. */
  appUrl?: string;
  log?: (line: string) => void;
}

/** The message a form shows for an action's error; a failure names its request, for support. */
export function actionErrorMessage(error: AppError, requestId: string): string {
  return error.code === "INTERNAL_ERROR"
    ? `${error.message} (request ${requestId})`
    : error.message;
}

export interface ActionContext {
  session: EmployerSession;
  requestId: string;
}

export function action<Args extends unknown[], State>(
  options: ActionOptions<Args, State>,
  handler: (context: ActionContext, ...args: Args) => Promise<State>,
): (...args: Args) => Promise<State> {
  const log = options.log ?? ((line: string) => console.error(line));
  return async (...args: Args) => {
    const requestId = newRequestId();
    try {
      const origin = checkSameOrigin(
        await (options.requestHeaders ?? headers)(),
        options.appUrl ?? config().appUrl,
      );
      if (!origin.ok) {
        log(`[action] ${requestId} refused a cross-site post (${origin.reason})`);
        throw new AppError("FORBIDDEN", "Cross-site requests are not allowed");
      }
      const session = await (options.getSession ?? getEmployerSession)();
      if (!session) throw new AppError("NOT_SIGNED_IN");
      if (!session.employerAccess && !options.allowLostEmployer)
        throw new AppError("FORBIDDEN", `You no longer have access to ${session.employer.name}`);
      return await handler({ session, requestId }, ...args);
    } catch (error) {
      unstable_rethrow(error);
      return options.onError(answerFor(error, requestId, "action", log), { requestId }, ...args);
    }
  };
}
