import { finishSignIn } from "@/lib/auth/finish-sign-in";
import { oauthSettings } from "@/lib/auth/indeed-oauth";
import { tokenService } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Indeed's redirect back (lib/auth/finish-sign-in.ts). */
export const GET = route({ auth: "none", methods: ["GET"], pages: true }, (request) => {
  const settings = config();
  return finishSignIn(request, {
    appUrl: settings.appUrl,
    authSecret: settings.authSecret,
    oauth: oauthSettings(),
    db: db(),
    tokens: tokenService(),
  });
});
