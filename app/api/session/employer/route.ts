import { safeReturnPath } from "@/lib/auth/return-path";
import { withEmployer } from "@/lib/auth/session";
import { tokenService, TokenServiceError } from "@/lib/auth/tokens";
import { SESSION_FORM_MAX_BYTES, withBodyLimit } from "@/lib/security/body-limit";
import { payloadTooLargeResponse } from "@/lib/security/error-responses";

export const dynamic = "force-dynamic";

/**
 * Switches the active employer (a form POST from the header's employer menu, Origin-checked by
 * withEmployer): the connection's token is refreshed with the chosen `employer`.
 */
export const POST = withEmployer(
  async (incoming, { session }) => {
    const request = await withBodyLimit(incoming, SESSION_FORM_MAX_BYTES);
    if (!request) return payloadTooLargeResponse(SESSION_FORM_MAX_BYTES);
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
      return redirect(`/account/employer-error?code=FORBIDDEN`);
    }
    if (employerId !== session.employer.id) {
      try {
        await tokenService().switchEmployer(session.connectionId, employerId);
      } catch (error) {
        const code = error instanceof TokenServiceError ? error.code : "INDEED_UNAVAILABLE";
        if (!(error instanceof TokenServiceError))
          console.error("[auth] employer switch failed", (error as Error).name);
        return redirect(`/account/employer-error?code=${code}`);
      }
    }
    return redirect(back);
  },
  // A session whose employer is gone switches to another one: its way out of the 403.
  { allowLostEmployer: true },
);

function redirect(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store" },
  });
}
