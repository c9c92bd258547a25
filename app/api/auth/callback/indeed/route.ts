import { finishSignIn } from "@/lib/auth/finish-sign-in";
import { oauthSettings } from "@/lib/auth/indeed-oauth";
import { tokenService } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Indeed's redirect back (lib/auth/finish-sign-in.ts). */
export async function GET(request: Request): Promise<Response> {
  const settings = config();
  return finishSignIn(request, {
    appUrl: settings.appUrl,
    authSecret: settings.authSecret,
    oauth: oauthSettings(),
    db: db(),
    tokens: tokenService(),
  });
}
