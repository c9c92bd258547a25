import type { Router } from "./http";
import { escapeHtml } from "./http";
import type { SandboxContext, SandboxModule } from "./module";
import { sendPage } from "./page";

const VIRTUAL_TIME_FORMAT = new Intl.DateTimeFormat("en-US", {
  dateStyle: "full",
  timeStyle: "long",
  timeZone: "UTC",
});

/**
 * `GET /`: what the sandbox is, the virtual time, the shared control links, then one section
 * per module that offers one (`SandboxModule.homeSection`), in mount order.
 */
export function mountHomePage(router: Router, context: SandboxContext, modules: SandboxModule[]) {
  router.on("GET", "/", (_req, res) => {
    const sections = modules.flatMap((part) => {
      const section = part.homeSection?.();
      return section
        ? [`<section class="card"><h2>${escapeHtml(section.title)}</h2>${section.html}</section>`]
        : [];
    });
    const now = new Date(context.clock.now());
    sendPage(res, 200, {
      title: "Home",
      wide: true,
      main: `<h1>Indeed sandbox</h1>
<p>This server plays Indeed for local development, tests and demos: the OAuth server that
signs people in and issues tokens, the Interview API, and an SMTP server whose mailbox shows
the mail the ATS sends. Everything here is fake and local;
no real Indeed account or data is involved.</p>
<section class="card">
<h2>Time and tools</h2>
<p>Virtual time: <strong><time datetime="${now.toISOString()}">${escapeHtml(VIRTUAL_TIME_FORMAT.format(now))}</time></strong>
(tokens and codes expire on this clock; move it with <code>POST /_sandbox/clock/advance</code>).</p>
<ul>
<li><a href="/_sandbox/journal">Request journal</a> (JSON; filter with <code>?kind=oauth.token</code>)</li>
<li><a href="/_sandbox/clock">Virtual clock</a> (JSON)</li>
<li><a href="/.well-known/openid-configuration">OpenID discovery document</a></li>
<li><a href="/.well-known/keys">Signing keys (JWKS)</a></li>
</ul>
</section>
${sections.join("\n")}`,
    });
  });
}
