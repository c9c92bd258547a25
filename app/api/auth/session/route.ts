import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** next-auth's session endpoint: `{}` signed out, `{ user: { name, email }, expires }` signed in. */
export const GET = route({ auth: "none", methods: ["GET"] }, async (request) => {
  const response = await NextAuth(authOptions())(request as NextRequest, {
    params: Promise.resolve({ nextauth: ["session"] }),
  });
  response.headers.set("Cache-Control", "no-store");
  return response;
});
