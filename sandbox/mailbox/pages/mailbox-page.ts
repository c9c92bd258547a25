import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import type { MailAddress, MailAttachment, MailboxMessage } from "../mailbox-message";

const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function timeTag(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(TIME_FORMAT.format(new Date(iso)))} UTC</time>`;
}

export function addressList(addresses: MailAddress[]): string {
  return addresses
    .map((a) =>
      a.name
        ? `${escapeHtml(a.name)} <code>${escapeHtml(a.address)}</code>`
        : `<code>${escapeHtml(a.address)}</code>`,
    )
    .join(", ");
}

export function messageUrl(message: MailboxMessage): string {
  return `/_sandbox/mailbox/messages/${encodeURIComponent(message.id)}`;
}

export function attachmentLabel(attachment: MailAttachment, index: number): string {
  const name = attachment.filename ?? `part ${index + 1}`;
  const method = attachment.method ? ` (${attachment.method})` : "";
  return `${escapeHtml(name)} <span class="hint">${escapeHtml(attachment.contentType.split(";")[0])}${escapeHtml(method)}</span>`;
}

export interface MailboxPageInput {
  messages: MailboxMessage[];
  total: number;
  smtpUrl: string;
  faults: { refuseTemporarily: number; refusedRecipients: string[]; dropAfterAccept: number };
  /** The CSRF token of the "Clear the mailbox" form. */
  clearToken: string;
}

/** `GET /_sandbox/mailbox`: the mail the ATS sent through the sandbox's SMTP server, newest first. */
export function mailboxPage(input: MailboxPageInput): PageOptions {
  const rows = input.messages
    .map((m) => {
      const attachments = m.attachments.map((a, i) => `<li>${attachmentLabel(a, i)}</li>`).join("");
      return `<tr>
<td>${timeTag(m.receivedAt)}</td>
<td>${addressList(m.from) || `<code>${escapeHtml(m.envelope.mailFrom ?? "")}</code>`}</td>
<td>${m.envelope.rcptTo.map((r) => `<code>${escapeHtml(r)}</code>`).join(", ")}</td>
<td><a href="${messageUrl(m)}">${m.subject ? escapeHtml(m.subject) : "(no subject)"}</a></td>
<td>${attachments ? `<ul>${attachments}</ul>` : "none"}</td>
</tr>`;
    })
    .join("\n");
  const armed = [
    input.faults.refuseTemporarily > 0
      ? `the next ${input.faults.refuseTemporarily} message(s) are refused with 451`
      : "",
    input.faults.dropAfterAccept > 0
      ? `the next ${input.faults.dropAfterAccept} message(s) are stored, then the connection is cut`
      : "",
    ...input.faults.refusedRecipients.map(
      (r) => `<code>${escapeHtml(r)}</code> is refused with 550`,
    ),
  ].filter(Boolean);
  return {
    title: "Mailbox",
    wide: true,
    main: `<h1>Mailbox</h1>
<p>Mail the ATS sent to the sandbox's SMTP server at <code>${escapeHtml(input.smtpUrl)}</code>
(invitations, updates and cancellations to interviewees). Nothing here is delivered anywhere.
The mail Indeed itself sends is in the <a href="/_sandbox/outbox">outbox</a>.
As JSON: <a href="/_sandbox/mailbox/messages">/_sandbox/mailbox/messages</a>.</p>
${armed.length > 0 ? `<p class="card error"><strong>Armed faults:</strong> ${armed.join("; ")}. Clear them with <code>POST /_sandbox/mailbox/faults/clear</code>.</p>` : ""}
<h2>${input.total === 0 ? "No messages yet" : `${input.messages.length === input.total ? input.total : `The newest ${input.messages.length} of ${input.total}`} message${input.total === 1 ? "" : "s"}, newest first`}</h2>
${
  rows
    ? `<table>
<caption class="hint">Received on the sandbox's virtual clock; the recipients are the SMTP envelope's.</caption>
<thead><tr><th scope="col">Received</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Attachments</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<form method="post" action="/_sandbox/mailbox/clear" class="actions">
<input type="hidden" name="csrf" value="${escapeHtml(input.clearToken)}">
<button type="submit" class="secondary">Clear the mailbox</button>
</form>`
    : "<p>Send a message to the SMTP server above and it shows here.</p>"
}`,
  };
}
