import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import type { MailboxMessage } from "../mailbox-message";
import { addressList, attachmentLabel, messageUrl, timeTag } from "./mailbox-page";

/** The raw MIME shown inline up to this many characters; the full message is a download. */
const RAW_PREVIEW_CHARS = 200_000;

/**
 * `GET /_sandbox/mailbox/messages/:id` in a browser: headers, attachments, the text body, and
 * the HTML body in a sandboxed frame (`sandbox=""`: no scripts, no forms, an opaque origin)
 * loading `…/html`, which carries its own strict CSP. The HTML never enters this page itself.
 */
export function messagePage(message: MailboxMessage): PageOptions {
  const url = messageUrl(message);
  const raw = Buffer.from(message.rawBase64, "base64").toString("utf8");
  const field = (name: string, value: string) => (value ? `<dt>${name}</dt><dd>${value}</dd>` : "");
  const attachments = message.attachments
    .map(
      (a, i) =>
        `<li><a href="${url}/attachments/${i}" download>${attachmentLabel(a, i)}</a> · ${a.size} bytes</li>`,
    )
    .join("");
  return {
    title: message.subject ?? "Message",
    wide: true,
    main: `<p><a href="/_sandbox/mailbox">Mailbox</a></p>
<h1>${message.subject ? escapeHtml(message.subject) : "(no subject)"}</h1>
<section class="card" aria-labelledby="headers-title">
<h2 id="headers-title">Envelope and headers</h2>
<dl>
${field("Received", timeTag(message.receivedAt))}
${field("MAIL FROM", `<code>${escapeHtml(message.envelope.mailFrom ?? "<>")}</code>`)}
${field("RCPT TO", message.envelope.rcptTo.map((r) => `<code>${escapeHtml(r)}</code>`).join(", "))}
${field("From", addressList(message.from))}
${field("To", addressList(message.to))}
${field("Cc", addressList(message.cc))}
${field("Reply-To", addressList(message.replyTo))}
${field("Date", message.date ? timeTag(message.date) : "")}
${field("Message-ID", message.messageId ? `<code>${escapeHtml(message.messageId)}</code>` : "")}
</dl>
</section>
<section class="card" aria-labelledby="attachments-title">
<h2 id="attachments-title">Attachments</h2>
${attachments ? `<ul>${attachments}</ul>` : "<p>None.</p>"}
</section>
<section class="card" aria-labelledby="text-title">
<h2 id="text-title">Plain text</h2>
${message.text !== null ? `<pre>${escapeHtml(message.text)}</pre>` : "<p>No plain-text part.</p>"}
</section>
<section class="card" aria-labelledby="html-title">
<h2 id="html-title">HTML</h2>
${
  message.html !== null
    ? `<p class="hint">Shown in a sandboxed frame: scripts, forms and links out of it are off.</p>
<iframe sandbox="" src="${url}/html" title="HTML body of the message" width="100%" height="640"></iframe>`
    : "<p>No HTML part.</p>"
}
</section>
<section class="card" aria-labelledby="raw-title">
<h2 id="raw-title">Raw message</h2>
<p><a href="${url}/raw" download>Download the message (.eml)</a> · ${message.size} bytes · as JSON: <a href="${url}?format=json">${escapeHtml(url)}?format=json</a></p>
<details><summary>Show the raw MIME</summary><pre>${escapeHtml(raw.slice(0, RAW_PREVIEW_CHARS))}${raw.length > RAW_PREVIEW_CHARS ? "\n…" : ""}</pre></details>
</section>`,
  };
}
