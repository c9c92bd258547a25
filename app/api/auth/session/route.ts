import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

/** next-auth's session endpoint: `{}` signed out, `{ user: { name, email }, expires }` signed in. */
export async function GET(request: NextRequest): Promise<Response> {
  const response = await NextAuth(authOptions())(request, {
    params: Promise.resolve({ nextauth: ["session"] }),
  });
  response.headers.set("Cache-Control", "no-store");
  return response;
}
