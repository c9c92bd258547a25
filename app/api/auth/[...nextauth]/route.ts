import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { callbackContext } from "@/lib/auth/callback-context";
import { authOptions, oauthCheckCookies } from "@/lib/auth/options";
import { signInErrorCode, type SignInErrorCode } from "@/lib/auth/sign-in-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

const CALLBACK_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

async function handle(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth[0] !== "callback") {
    const response = await NextAuth(authOptions())(request, context);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const response = await callback(request, context);
  for (const [name, value] of Object.entries(CALLBACK_HEADERS)) response.headers.set(name, value);
  clearCheckCookies(response);
  return response;
}

async function callback(request: NextRequest, context: Context): Promise<Response> {
  const query = request.nextUrl.searchParams;
  // Indeed answered the authorize request with an error (the user pressed Deny, ...): say so
  // plainly instead of next-auth's generic "OAuthCallback".
  const error = query.get("error");
  if (error) return toErrorPage(signInErrorCode(error === "access_denied" ? "denied" : error));
  // No state, or no state cookie: this browser did not start this sign-in (or already ended
  // it: a replayed callback). The values themselves are compared in the provider.
  if (!query.get("state") || !request.cookies.get(oauthCheckCookies().state.name)?.value)
    return toErrorPage("state_mismatch");
  return callbackContext.run({ employer: query.get("employer") ?? undefined }, () =>
    NextAuth(authOptions())(request, context),
  );
}

function toErrorPage(code: SignInErrorCode): Response {
  return new Response(null, { status: 303, headers: { Location: `/signin/error?error=${code}` } });
}

/**
 * The state, PKCE and nonce cookies serve one callback, whatever its outcome: next-auth clears
 * them only on success, so a failed callback clears them here (a Set-Cookie next-auth already
 * wrote for the same name is left as it is).
 */
function clearCheckCookies(response: Response): void {
  const written = response.headers.getSetCookie().map((line) => line.split("=", 1)[0]);
  for (const { name, options } of Object.values(oauthCheckCookies())) {
    if (written.includes(name)) continue;
    const attributes = ["Path=/", "Max-Age=0", "HttpOnly", "SameSite=Lax"];
    if (options.secure) attributes.push("Secure");
    response.headers.append("Set-Cookie", `${name}=; ${attributes.join("; ")}`);
  }
}

export { handle as GET, handle as POST };
