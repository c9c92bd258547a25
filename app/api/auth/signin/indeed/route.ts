import { oauthSettings } from "@/lib/auth/indeed-oauth";
import { startSignIn } from "@/lib/auth/start-sign-in";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

/** The sign-in button: off to Indeed's authorize page (lib/auth/start-sign-in.ts). */
export async function GET(request: Request): Promise<Response> {
  return startSignIn(request, { appUrl: config().appUrl, oauth: oauthSettings() });
}
