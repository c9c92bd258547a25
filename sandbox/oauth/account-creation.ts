import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { escapeHtml, type Router } from "../core/http";
import { sendPage, type PageOptions } from "../core/page";
import { readPageForm, seeOther } from "./browser-form";
import { localPath } from "./return-path";
import type { OAuthRuntime } from "./runtime";
import { ensureSession, readSession } from "./session";
import { sameSecret } from "./tokens";

/** Accounts created from the page, at most: a script cannot grow the state without limit. */
const MAX_CREATED_ACCOUNTS = 1_000;

const accountSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(200, "Use at most 200 characters."),
  email: z
    .string()
    .trim()
    .max(254, "Use at most 254 characters.")
    .pipe(z.email("Enter an email address such as ana@example.com.")),
});

function csrfFor(sessionId: string): string {
  return createHash("sha256").update(`account-create:${sessionId}`).digest("base64url");
}

interface FormState {
  csrf: string;
  returnTo: string;
  values: { name: string; email: string };
  errors: Partial<Record<"name" | "email", string>>;
}

function field(
  state: FormState,
  name: "name" | "email",
  label: string,
  type: string,
  autocomplete: string,
) {
  const error = state.errors[name];
  const describedBy = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : "";
  return `<p><label for="${name}">${label}</label><br>
<input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" required maxlength="${name === "email" ? 254 : 200}" value="${escapeHtml(state.values[name])}"${describedBy}>
${error ? `<br><span id="${name}-error" class="error">${escapeHtml(error)}</span>` : ""}</p>`;
}

function createAccountPage(state: FormState): PageOptions {
  const problems = Object.values(state.errors);
  return {
    title: "Create an Indeed account",
    main: `<h1>Create an Indeed account</h1>
<p>Interviewers join with an Indeed account; interviewees do not need one. This is the sandbox: no password, no e-mail check.</p>
${problems.length ? `<div class="card error" role="alert"><p>Check the form: ${problems.map(escapeHtml).join(" ")}</p></div>` : ""}
<form method="post" action="/account/create" novalidate>
<input type="hidden" name="csrf" value="${escapeHtml(state.csrf)}">
<input type="hidden" name="return_to" value="${escapeHtml(state.returnTo)}">
${field(state, "name", "Your name", "text", "name")}
${field(state, "email", "Email", "email", "email")}
<div class="actions"><button type="submit" class="primary">Create account and continue</button></div>
</form>
<p><a href="/account/sign-in?return_to=${encodeURIComponent(state.returnTo)}">I already have an account</a></p>`,
  };
}

/**
 * "Any interviewer without an account must create one" (the guide): a sandbox page that
 * creates a person with no employer, signs this browser in as them, and goes back to where
 * they came from (an interviewer lobby). The same cookie and return-path rule as sign-in.
 */
export function mountAccountCreation(router: Router, rt: OAuthRuntime): void {
  const { store, context } = rt;

  router.on("GET", "/account/create", (req, res) => {
    const session = ensureSession(req, rt);
    sendPage(
      res,
      200,
      createAccountPage({
        csrf: csrfFor(session.id),
        returnTo: localPath(req.url.searchParams.get("return_to")) ?? "/",
        values: { name: "", email: "" },
        errors: {},
      }),
      session.setCookie ? { "Set-Cookie": session.setCookie } : {},
    );
  });

  router.on("POST", "/account/create", async (req, res) => {
    const session = readSession(req, rt);
    const form = await readPageForm(req, res);
    if (!form) return;
    const returnTo = localPath(form.get("return_to")) ?? "/";
    const values = { name: form.get("name") ?? "", email: form.get("email") ?? "" };
    if (!session || !sameSecret(form.get("csrf"), csrfFor(session.id))) {
      sendPage(res, 403, {
        title: "This form has expired",
        main: `<h1>This form has expired</h1><p><a href="/account/create?return_to=${encodeURIComponent(returnTo)}">Open it again</a>.</p>`,
      });
      return;
    }
    const state: FormState = { csrf: csrfFor(session.id), returnTo, values, errors: {} };
    const parsed = accountSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as "name" | "email";
        state.errors[key] ??= issue.message;
      }
      sendPage(res, 400, createAccountPage(state));
      return;
    }
    const email = parsed.data.email;
    const taken = [...store.users.values()].some(
      (u) => u.email.toLowerCase() === email.toLowerCase(),
    );
    if (taken) {
      state.errors.email = "An Indeed account with this email already exists: sign in instead.";
      sendPage(res, 409, createAccountPage(state));
      return;
    }
    if (store.users.size >= MAX_CREATED_ACCOUNTS) {
      sendPage(res, 409, {
        title: "Too many accounts",
        main: `<h1>The sandbox has too many accounts</h1><p>Reset it (<code>POST /_sandbox/reset</code>) to start over.</p>`,
      });
      return;
    }
    const user = {
      id: `u-${randomUUID()}`,
      name: parsed.data.name,
      email,
      emailVerified: true,
      employerIds: [],
    };
    store.users.set(user.id, user);
    session.session.userId = user.id;
    context.markDirty();
    seeOther(res, returnTo);
  });
}
