import { escapeHtml, type Router } from "../core/http";
import type { HomeSection, SandboxContext, SandboxModule } from "../core/module";
import { MailboxFaults } from "./mailbox-faults";
import { mountMailboxRoutes } from "./mailbox-routes";
import { MailboxStore } from "./mailbox-store";
import { startSmtpListener, type SmtpListener } from "./smtp-listener";

export interface MailboxModule extends SandboxModule {
  store: MailboxStore;
  faults: MailboxFaults;
  /** Starts the SMTP server on `host:port` (0 picks a free port) and answers the port. */
  startSmtp(host: string, port: number): Promise<number>;
  stopSmtp(): Promise<void>;
}

/**
 * The mailbox half of the sandbox: an SMTP server that stands in for the ATS's mail relay, and
 * the mailbox that shows what arrived (`/_sandbox/mailbox`). Not to be confused with the
 * outbox (`/_sandbox/outbox`), which holds the mail Indeed itself sends.
 */
export function createMailboxModule(context: SandboxContext): MailboxModule {
  const store = new MailboxStore();
  const faults = new MailboxFaults();
  let listener: SmtpListener | undefined;
  let smtpHost = "127.0.0.1";
  const smtpUrl = () =>
    listener ? `smtp://${smtpHost}:${listener.port}` : "(the SMTP server is not running)";

  return {
    name: "mailbox",
    store,
    faults,
    mount(router: Router) {
      mountMailboxRoutes(router, { context, store, faults, smtpUrl });
    },
    load(snapshot) {
      store.load(snapshot);
    },
    snapshot: () => store.snapshot(),
    reset() {
      store.clear();
      faults.clear();
    },
    async startSmtp(host, port) {
      smtpHost = host.includes(":") ? `[${host}]` : host;
      listener = await startSmtpListener({
        host,
        port,
        store,
        faults,
        clock: context.clock,
        journal: context.journal,
        onStored: () => context.markDirty(),
      });
      return listener.port;
    },
    async stopSmtp() {
      await listener?.close();
      listener = undefined;
    },
    homeSection(): HomeSection {
      return {
        title: "Mailbox (mail the ATS sends)",
        html: `<p>An SMTP server at <code>${escapeHtml(smtpUrl())}</code> takes the ATS's mail (no TLS, no password); nothing is delivered anywhere.</p>
<ul>
<li><a href="/_sandbox/mailbox">Mailbox</a>: ${store.size} message${store.size === 1 ? "" : "s"} received (<a href="/_sandbox/mailbox/messages">JSON</a>)</li>
<li><a href="/_sandbox/mailbox/faults">SMTP faults</a> (JSON)</li>
</ul>`,
      };
    },
  };
}
