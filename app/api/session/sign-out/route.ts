import { sessionClaimsFromRequest } from "@/lib/auth/session-claims";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { endSession } from "@/lib/auth/sign-out";
import { seeOther } from "@/lib/http/error-response";
import { route } from "@/lib/http/route";
import { SESSION_FORM_MAX_BYTES } from "@/lib/security/body-limit";

export const dynamic = "force-dynamic";

/**
 * Sign-out (a form POST from the header): ends the server-side session, deletes the Indeed
 * tokens and revokes them at Indeed, clears the cookie, and goes to the sign-in page. No
 * session is required (signing out twice is fine); the wrapper refuses other sites' posts and
 * large bodies (the form has no fields) before any work, with the problem page for a browser.
 */
export const POST = route(
  { auth: "none", bodyLimit: SESSION_FORM_MAX_BYTES, pages: true },
  async (request, { requestId }) => {
    const claims = await sessionClaimsFromRequest(request);
    if (claims) {
      try {
        await endSession({ sessionId: claims.sessionId, connectionId: claims.connectionId });
      } catch (error) {
        console.error(
          `[auth] ${requestId} sign-out could not end the session`,
          (error as Error).name,
        );
      }
    }
    const cookie = sessionCookie();
    const attributes = [
      "Path=/",
      "Max-Age=0",
      "HttpOnly",
      "SameSite=Lax",
      ...(cookie.secure ? ["Secure"] : []),
    ];
    return seeOther("/signin?signedOut=1", {
      "Set-Cookie": `${cookie.name}=; ${attributes.join("; ")}`,
    });
  },
);
