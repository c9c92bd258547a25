import { recordEmployerSwitch } from "@/lib/audit/record-audit-event";
import { safeReturnPath } from "@/lib/auth/return-path";
import { tokenService, TokenServiceError } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { seeOther } from "@/lib/http/error-response";
import { route } from "@/lib/http/route";
import { SESSION_FORM_MAX_BYTES } from "@/lib/security/body-limit";

export const dynamic = "force-dynamic";

/**
 * Switches the active employer (a form POST from the header's employer menu): the connection's
 * token is refreshed with the chosen `employer`. The wrapper checks the origin, the session and
 * the 8 KB limit; a refused form post lands on the problem page, an employer Lobby may not
 * switch to on /account/employer-error. A switch is audited in both employers' logs.
 */
export const POST = route(
  {
    auth: "employer",
    bodyLimit: SESSION_FORM_MAX_BYTES,
    pages: true,
    // A session whose employer is gone switches to another one: its way out of the 403.
    allowLostEmployer: true,
  },
  async (request, { session, requestId }) => {
    let employerId: unknown;
    let returnTo: unknown;
    const type = request.headers.get("content-type") ?? "";
    if (type.startsWith("application/json")) {
      const body = (await request.json().catch(() => ({}))) as {
        employerId?: unknown;
        returnTo?: unknown;
      };
      ({ employerId, returnTo } = body);
    } else if (
      type.startsWith("application/x-www-form-urlencoded") ||
      type.startsWith("multipart/form-data")
    ) {
      // A malformed form (say, multipart without a boundary) chooses nothing; it is no 500.
      const form = await request.formData().catch(() => null);
      employerId = form?.get("employerId");
      returnTo = form?.get("returnTo");
    }
    const back = safeReturnPath(returnTo);
    if (typeof employerId !== "string" || !session.employers.some((e) => e.id === employerId)) {
      return seeOther(`/account/employer-error?code=FORBIDDEN`);
    }
    if (employerId !== session.employer.id) {
      try {
        await tokenService().switchEmployer(session.connectionId, employerId);
      } catch (error) {
        const code = error instanceof TokenServiceError ? error.code : "INDEED_UNAVAILABLE";
        if (!(error instanceof TokenServiceError))
          console.error(`[auth] ${requestId} employer switch failed`, (error as Error).name);
        return seeOther(`/account/employer-error?code=${code}`);
      }
      await recordEmployerSwitch(db(), {
        userId: session.userId,
        from: session.employer.id,
        to: employerId,
      });
    }
    return seeOther(back);
  },
);
