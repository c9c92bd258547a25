import { config } from "@/lib/config";
import { checkSameOrigin } from "@/lib/auth/origin-check";
import { sessionClaimsFromRequest } from "@/lib/auth/session";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { endSession } from "@/lib/auth/sign-out";
import { declaredTooLarge, SESSION_FORM_MAX_BYTES } from "@/lib/security/body-limit";
import { payloadTooLargeResponse } from "@/lib/security/error-responses";

export const dynamic = "force-dynamic";

/**
 * Sign-out (a form POST from the header): ends the server-side session, deletes the Indeed
 * tokens and revokes them at Indeed, clears the cookie, and goes to the sign-in page.
 */
export async function POST(request: Request) {
  if (!checkSameOrigin(request.headers, config().appUrl).ok) {
    return Response.json(
      { error: { code: "FORBIDDEN", message: "Cross-site requests are not allowed" } },
      { status: 403 },
    );
  }
  // The form has no fields and its body is never read; a large one is refused before any work.
  if (declaredTooLarge(request, SESSION_FORM_MAX_BYTES)) {
    return payloadTooLargeResponse(SESSION_FORM_MAX_BYTES);
  }
  const claims = await sessionClaimsFromRequest(request);
  if (claims) {
    try {
      await endSession({ sessionId: claims.sessionId, connectionId: claims.connectionId });
    } catch (error) {
      console.error("[auth] sign-out could not end the session", (error as Error).name);
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
  return new Response(null, {
    status: 303,
    headers: {
      Location: "/signin?signedOut=1",
      "Set-Cookie": `${cookie.name}=; ${attributes.join("; ")}`,
      "Cache-Control": "no-store",
    },
  });
}
