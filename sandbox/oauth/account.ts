import { createHash } from "node:crypto";
import type { RouteHandler, Router } from "../core/http";
import { sendPage } from "../core/page";
import { readPageForm, seeOther } from "./browser-form";
import { accountPage, errorPage } from "./pages";
import type { OAuthRuntime } from "./runtime";
import { localPath } from "./return-path";
import { ensureSession, readSession } from "./session";
import { sameSecret } from "./tokens";

/** Only a path on the sandbox itself (the app's rule, copied): never an open redirect. */
function safeReturnPath(value: string | null | undefined): string {
  return localPath(value) ?? "/";
}

/** A CSRF token derived from the HttpOnly session id, which another site cannot read. */
function sessionCsrf(sessionId: string): string {
  return createHash("sha256").update(`account-form:${sessionId}`).digest("base64url");
}

/**
 * Sign-in to the sandbox outside an OAuth flow (`OAuthApi.signInUrl`), e.g. an interviewer
 * opening a lobby; and sign-out. The same cookie as the authorize pages.
 */
export function mountAccountPages(router: Router, rt: OAuthRuntime) {
  const { store, context } = rt;

  router.on("GET", "/account/sign-in", (req, res) => {
    const session = ensureSession(req, rt);
    const returnTo = safeReturnPath(req.url.searchParams.get("return_to"));
    sendPage(
      res,
      200,
      accountPage({
        action: "/account/sign-in",
        fields: { csrf: sessionCsrf(session.id), return_to: returnTo },
        appName: null,
        users: [...store.users.values()],
        employers: (id) => store.employers.get(id),
      }),
      session.setCookie ? { "Set-Cookie": session.setCookie } : {},
    );
  });

  const signInOrOut: RouteHandler = async (req, res) => {
    const session = readSession(req, rt);
    const form = await readPageForm(req, res);
    if (!form) return;
    if (!session || !sameSecret(form.get("csrf"), sessionCsrf(session.id))) {
      sendPage(
        res,
        403,
        errorPage("This form has expired", "Open the sign-in page again and choose an account."),
      );
      return;
    }
    const signingIn = req.url.pathname.startsWith("/account/sign-in");
    const user = signingIn ? store.users.get(form.get("user") ?? "") : undefined;
    if (signingIn && !user) {
      sendPage(res, 400, errorPage("Unknown account", "Choose one of the seeded accounts."));
      return;
    }
    session.session.userId = user?.id ?? null;
    context.markDirty();
    seeOther(res, safeReturnPath(form.get("return_to")));
  };
  router.on("POST", "/account/sign-in", signInOrOut);
  router.on("POST", "/account/sign-out", signInOrOut);
}
