import { escapeHtml } from "../core/http";
import type { PageOptions } from "../core/page";
import type { SandboxEmployer } from "./api";
import { isScope, SCOPES } from "./scopes";
import type { SeedUser } from "./store";

/** Hidden fields every step form carries: the CSRF token bound to the pending request. */
function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join("\n");
}

function employersOf(
  user: SeedUser,
  employers: (id: string) => SandboxEmployer | undefined,
): string {
  const names = user.employerIds.map((id) => employers(id)?.name ?? id);
  return names.length === 0 ? "no employer" : names.join(", ");
}

export function errorPage(title: string, message: string, details: string[] = []): PageOptions {
  const list =
    details.length === 0
      ? ""
      : `<ul>${details.map((d) => `<li><code>${escapeHtml(d)}</code></li>`).join("")}</ul>`;
  return {
    title,
    main: `<h1>${escapeHtml(title)}</h1>
<div class="card error"><p>${escapeHtml(message)}</p>${list}</div>
<p>Nothing was sent back to the app. Go back to it and try signing in again.</p>`,
  };
}

export function accountPage(options: {
  action: string;
  fields: Record<string, string>;
  appName: string | null;
  users: SeedUser[];
  employers: (id: string) => SandboxEmployer | undefined;
}): PageOptions {
  const intro = options.appName
    ? `<p><strong>${escapeHtml(options.appName)}</strong> wants to connect to your Indeed account.</p>`
    : "";
  const buttons = options.users
    .map(
      (
        u,
      ) => `<li><button class="account" type="submit" name="user" value="${escapeHtml(u.id)}">${escapeHtml(u.name)}
<small>${escapeHtml(u.email)} · ${escapeHtml(employersOf(u, options.employers))}</small></button></li>`,
    )
    .join("\n");
  return {
    title: "Choose an account",
    main: `<h1>Choose an account</h1>
${intro}
<p class="hint">This is the sandbox: pick a seeded person, no password needed. The sandbox remembers your choice in this browser.</p>
<form method="post" action="${escapeHtml(options.action)}">
${hidden(options.fields)}
<ul class="accounts" aria-label="Seeded accounts">
${buttons}
</ul>
</form>`,
  };
}

function switchAccountForm(action: string, csrf: string): string {
  return `<form method="post" action="${escapeHtml(action)}">
${hidden({ csrf, step: "switch-account" })}
<p class="hint">Not you? <button class="link" type="submit">Use another account</button></p>
</form>`;
}

export function employerPage(options: {
  action: string;
  csrf: string;
  appName: string;
  user: SeedUser;
  employers: SandboxEmployer[];
  problem?: string;
}): PageOptions {
  const { user, employers } = options;
  const problem = options.problem
    ? `<div class="card error" role="alert"><p>${escapeHtml(options.problem)}</p></div>`
    : "";
  const choices =
    employers.length === 0
      ? `<p>${escapeHtml(user.name)} is not a member of any employer on Indeed. You can continue without one;
${escapeHtml(options.appName)} will then not act for an employer.</p>`
      : `<fieldset><legend>Employers ${escapeHtml(user.name)} can act for</legend>
${employers
  .map(
    (
      e,
      i,
    ) => `<div class="choice"><input type="radio" id="employer-${i}" name="employer" value="${escapeHtml(e.id)}" required${i === 0 ? " checked" : ""}>
<label for="employer-${i}">${escapeHtml(e.name)} <span class="hint">(advertiser id ${escapeHtml(e.advertiserId)})</span></label></div>`,
  )
  .join("\n")}
</fieldset>`;
  return {
    title: "Choose an employer",
    main: `<h1>Choose an employer</h1>
<p>Signed in as <strong>${escapeHtml(user.name)}</strong> (${escapeHtml(user.email)}).
Which employer should <strong>${escapeHtml(options.appName)}</strong> act for?</p>
${problem}
<form method="post" action="${escapeHtml(options.action)}">
${hidden({ csrf: options.csrf, step: "employer" })}
${choices}
<div class="actions"><button class="primary" type="submit">Continue</button></div>
</form>
${switchAccountForm(options.action, options.csrf)}`,
  };
}

export function consentPage(options: {
  action: string;
  csrf: string;
  appName: string;
  user: SeedUser;
  employer: SandboxEmployer | null;
  scopes: string[];
  /** Where Allow or Deny ends up: the app's origin, allowed by the page's CSP form-action. */
  redirectOrigin: string;
}): PageOptions {
  const known = options.scopes.filter(isScope);
  const required = known.filter((s) => !SCOPES[s].optional);
  const optional = known.filter((s) => SCOPES[s].optional);
  const requiredList =
    required.length === 0
      ? ""
      : `<h2>${escapeHtml(options.appName)} will be able to</h2>
<ul>${required.map((s) => `<li>${escapeHtml(SCOPES[s].describe)} <span class="hint">(<code>${escapeHtml(s)}</code>)</span></li>`).join("\n")}</ul>`;
  const optionalList =
    optional.length === 0
      ? ""
      : `<fieldset><legend>You can also let it (untick to refuse)</legend>
${optional
  .map(
    (
      s,
    ) => `<div class="choice"><input type="checkbox" id="grant-${escapeHtml(s)}" name="grant_${escapeHtml(s)}" value="on" checked>
<label for="grant-${escapeHtml(s)}">${escapeHtml(SCOPES[s].describe)} <span class="hint">(<code>${escapeHtml(s)}</code>)</span></label></div>`,
  )
  .join("\n")}
</fieldset>`;
  const acting = options.employer
    ? `acting for <strong>${escapeHtml(options.employer.name)}</strong>`
    : "acting for no employer";
  return {
    title: "Allow access",
    formTargets: [options.redirectOrigin],
    main: `<h1>Allow ${escapeHtml(options.appName)} to use your Indeed account?</h1>
<p>Signed in as <strong>${escapeHtml(options.user.name)}</strong> (${escapeHtml(options.user.email)}), ${acting}.</p>
<form method="post" action="${escapeHtml(options.action)}">
${hidden({ csrf: options.csrf, step: "consent" })}
${requiredList}
${optionalList}
<div class="actions">
<button class="primary" type="submit" name="decision" value="allow">Allow</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
${switchAccountForm(options.action, options.csrf)}`,
  };
}
