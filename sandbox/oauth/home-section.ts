import { escapeHtml } from "../core/http";
import type { HomeSection } from "../core/module";
import type { OAuthRuntime } from "./runtime";

/** The OAuth part of the home page: who can sign in, which apps exist (secrets shown: it is a sandbox). */
export function oauthHomeSection(rt: OAuthRuntime): HomeSection {
  const { store } = rt;
  const employerName = (id: string) => store.employers.get(id)?.name ?? id;
  const people = [...store.users.values()]
    .map(
      (
        u,
      ) => `<tr><td>${escapeHtml(u.name)}</td><td><code>${escapeHtml(u.email)}</code></td><td><code>${escapeHtml(u.id)}</code></td>
<td>${u.employerIds.length === 0 ? "none" : u.employerIds.map((id) => `${escapeHtml(employerName(id))} (<code>${escapeHtml(id)}</code>)`).join(", ")}</td></tr>`,
    )
    .join("\n");
  const clients = [...store.clients.values()]
    .map(
      (
        c,
      ) => `<tr><td><code>${escapeHtml(c.id)}</code></td><td>${c.secrets.map((secret) => `<code>${escapeHtml(secret.value)}</code>`).join("<br>")}</td>
<td>${c.redirectUris.map((uri) => `<code>${escapeHtml(uri)}</code>`).join("<br>")}</td><td>${c.grantTypes.map(escapeHtml).join(", ")}</td></tr>`,
    )
    .join("\n");
  const employers = [...store.employers.values()]
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.name)}</td><td><code>${escapeHtml(e.id)}</code></td><td><code>${escapeHtml(e.advertiserId)}</code></td></tr>`,
    )
    .join("\n");
  const { rotation, graceSeconds, refreshWithoutEmployer } = store.settings;
  return {
    title: "OAuth: accounts and apps",
    html: `<p>Sign in as any of these people on the authorize page; there are no passwords.
Refresh tokens: <strong>${escapeHtml(rotation)}</strong>${rotation === "grace" ? ` (${graceSeconds} s)` : ""};
a refresh without <code>employer</code> ${refreshWithoutEmployer === "drop" ? "drops" : "keeps"} the employer.</p>
<table><caption class="hint">Seeded people</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Id</th><th scope="col">Employers</th></tr></thead>
<tbody>${people}</tbody></table>
<h3>Employers</h3>
<table><thead><tr><th scope="col">Name</th><th scope="col">Employer id</th><th scope="col">Advertiser id</th></tr></thead>
<tbody>${employers}</tbody></table>
<h3>Apps (OAuth clients)</h3>
<table><thead><tr><th scope="col">Client id</th><th scope="col">Secrets</th><th scope="col">Redirect URIs</th><th scope="col">Grant types</th></tr></thead>
<tbody>${clients}</tbody></table>
<p><a href="/_sandbox/oauth/grants">Grants (JSON)</a> · <a href="/_sandbox/oauth/mode">Refresh mode (JSON)</a> ·
<a href="/_sandbox/faults/token">Token endpoint fault (JSON)</a></p>`,
  };
}
