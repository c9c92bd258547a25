import { oauthSettings } from "@/lib/auth/indeed-oauth";
import { startSignIn } from "@/lib/auth/start-sign-in";
import { config } from "@/lib/config";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The sign-in button: off to Indeed's authorize page (lib/auth/start-sign-in.ts). */
export const GET = route({ auth: "none", methods: ["GET"], pages: true }, (request) =>
  startSignIn(request, { appUrl: config().appUrl, oauth: oauthSettings() }),
);
