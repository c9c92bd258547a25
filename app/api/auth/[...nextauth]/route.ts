import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { callbackContext } from "@/lib/auth/callback-context";
import { authOptions } from "@/lib/auth/options";
import { signInErrorCode } from "@/lib/auth/sign-in-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

const CALLBACK_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

async function handle(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  const isCallback = nextauth[0] === "callback";
  // Indeed answered the authorize request with an error (the user pressed Deny, ...): say so
  // plainly instead of next-auth's generic "OAuthCallback".
  const error = request.nextUrl.searchParams.get("error");
  if (isCallback && error) {
    const code = signInErrorCode(error === "access_denied" ? "denied" : error);
    return new Response(null, {
      status: 303,
      headers: { Location: `/signin/error?error=${code}`, ...CALLBACK_HEADERS },
    });
  }
  const employer = isCallback
    ? (request.nextUrl.searchParams.get("employer") ?? undefined)
    : undefined;
  const response = await callbackContext.run({ employer }, () =>
    NextAuth(authOptions())(request, context),
  );
  if (isCallback)
    for (const [name, value] of Object.entries(CALLBACK_HEADERS)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export { handle as GET, handle as POST };
