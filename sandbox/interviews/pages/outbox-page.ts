import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import type { InterviewService } from "../interview-service";
import { timeTag } from "./page-format";

/** `/_sandbox/outbox`: the newest messages Indeed sent, with their calendar items. */
export function outboxPage(service: InterviewService): PageOptions {
  service.catchUp();
  const messages = service.outbox.recent(200);
  const items = messages
    .map(
      (n) => `<li class="card"><h2>${escapeHtml(n.subject)}</h2>
<p>To <code>${escapeHtml(n.to)}</code>, ${timeTag(n.at)} · ${escapeHtml(n.kind)} · <a href="/_sandbox/events/${n.eventUuid}">Event</a></p>
<pre>${escapeHtml(n.text)}</pre>
${n.ics ? `<details><summary>Calendar item (ICS)</summary><pre>${escapeHtml(n.ics)}</pre></details>` : ""}</li>`,
    )
    .join("");
  return {
    title: "Outbox",
    wide: true,
    main: `<p><a href="/_sandbox/events">Interview events</a></p>
<h1>Messages Indeed sent</h1>
<p>The newest ${messages.length} of ${service.outbox.size}, newest first: interviewer invitations, reschedules and cancellations with their calendar items, and interviewee reminders. As JSON: <a href="/_sandbox/notifications">/_sandbox/notifications</a>.</p>
${items ? `<ul class="accounts">${items}</ul>` : "<p>Nothing sent yet.</p>"}`,
  };
}
