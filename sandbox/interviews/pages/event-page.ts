import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import { DECISION_VALUES, type StoredEvent } from "../event-model";
import type { InterviewService } from "../interview-service";
import { encodeEventId } from "../resource-id";
import { code, detailsList, localWhen, timeTag } from "./page-format";

const RECORDING_WORDS = {
  none: "Not recorded",
  processing: "Processing",
  available: "Available",
  failed: "Processing failed",
  expired: "Expired (page shows an error)",
} as const;

/** `/_sandbox/events/:id`: everything about one event, with buttons to hold sessions and decide. */
export function eventPage(
  service: InterviewService,
  event: StoredEvent,
  employerName: string,
  /** The CSRF token for a form posting to a control route (`SandboxContext.controlFormToken`). */
  formToken: (action: string) => string,
): PageOptions {
  service.catchUp();
  const interviewerLobby = service.lobbyUrl(event, "interviewer");
  const intervieweeLobby = event.interviewee ? service.lobbyUrl(event, "interviewee") : null;
  const notices = service.termsNotices(event);

  const interviewers = event.interviewers
    .map((i) => {
      const person = service.person(i.email);
      return `<tr><td>${escapeHtml(person.name ?? "(no Indeed account)")}</td><td>${code(i.email)}</td><td>${timeTag(i.addedAt, event.timezone)}</td></tr>`;
    })
    .join("");

  const sessions = event.sessions
    .map((s, index) => {
      const state = service.recordingState(s);
      const url = service.recordingUrl(s);
      const decisions = s.decisions.length
        ? `<ul>${s.decisions.map((d) => `<li>${code(d.interviewerEmail)}: <strong>${d.value}</strong>${d.noteText ? ` — ${escapeHtml(d.noteText)}` : ""}</li>`).join("")}</ul>`
        : "None yet";
      return `<tr><th scope="row">Session ${index + 1}<br>${code(s.uuid)}</th><td>${timeTag(s.startedAt, event.timezone)} to ${timeTag(s.endedAt, event.timezone)}</td>
<td>${RECORDING_WORDS[state]}${state === "processing" ? ` (ready ${timeTag(s.recordingReadyAt, event.timezone)})` : ""}${url ? `<br><a href="${escapeHtml(url)}">Recording page</a>` : ""}</td><td>${decisions}</td></tr>`;
    })
    .join("");

  const messages = service.outbox
    .forEvent(event.uuid)
    .map(
      (n) =>
        `<tr><td>${timeTag(n.at, event.timezone)}</td><td>${code(n.to)}</td><td>${escapeHtml(n.kind)}</td><td>${escapeHtml(n.subject)}${
          n.ics
            ? `<details><summary>Calendar item</summary><pre>${escapeHtml(n.ics)}</pre></details>`
            : ""
        }</td></tr>`,
    )
    .join("");

  const canHoldSession = event.status === "SCHEDULED" && event.interviewee !== null;
  const formStart = (action: string) =>
    `<form method="post" action="${escapeHtml(action)}" class="card">
<input type="hidden" name="csrf" value="${escapeHtml(formToken(action))}">`;
  const sessionForm = canHoldSession
    ? `${formStart(`/_sandbox/events/${event.uuid}/sessions`)}
<h3>Conduct a session</h3>
<p class="hint">Holds one interview now (virtual time) and adds a record to the event.</p>
<p><label for="recording">Recording</label><br>
<select id="recording" name="recording">
<option value="available">Recorded, becomes available after processing</option>
<option value="failed">Recorded, processing fails</option>
<option value="none">Not recorded</option>
</select></p>
<p><label for="processingMinutes">Processing time in minutes (empty: ${service.settings.recordingProcessingMs / 60_000})</label><br>
<input id="processingMinutes" name="processingMinutes" type="number" min="0" step="1" inputmode="numeric"></p>
<div class="actions"><button type="submit" class="primary">Conduct session</button></div>
</form>`
    : `<p class="hint">${event.status === "CANCELED" ? "The event is canceled: no sessions can be held." : "Sessions need an interviewee; add one through the API first."}</p>`;

  const decisionForm = event.sessions.length
    ? `${formStart(`/_sandbox/events/${event.uuid}/decisions`)}
<h3>Record an interviewer's decision</h3>
<p><label for="recordId">Session</label><br><select id="recordId" name="recordId">${event.sessions
        .map(
          (s, i) =>
            `<option value="${s.uuid}"${i === event.sessions.length - 1 ? " selected" : ""}>Session ${i + 1}</option>`,
        )
        .join("")}</select></p>
<p><label for="interviewerEmail">Interviewer</label><br><select id="interviewerEmail" name="interviewerEmail">${event.interviewers
        .map((i) => `<option value="${escapeHtml(i.email)}">${escapeHtml(i.email)}</option>`)
        .join("")}</select></p>
<p><label for="value">Decision</label><br><select id="value" name="value">${DECISION_VALUES.map((v) => `<option>${v}</option>`).join("")}</select></p>
<p><label for="noteText">Note</label><br><textarea id="noteText" name="noteText" rows="3" cols="40" maxlength="2000"></textarea></p>
<div class="actions"><button type="submit" class="primary">Save decision</button></div>
</form>`
    : "";

  return {
    title: event.title,
    wide: true,
    main: `<p><a href="/_sandbox/events?employerId=${encodeURIComponent(event.employerId)}">All events of ${escapeHtml(employerName)}</a></p>
<h1>${escapeHtml(event.title)}</h1>
${notices.map((n) => `<p class="card error" role="note"><strong>Terms:</strong> ${escapeHtml(n)}</p>`).join("")}
${detailsList([
  [
    "Status",
    `<strong>${event.status}</strong>${event.canceledAt ? ` (${timeTag(event.canceledAt, event.timezone)})` : ""}`,
  ],
  [
    "When",
    `${escapeHtml(localWhen(event.startMs, event.timezone))} to ${escapeHtml(localWhen(event.endMs, event.timezone))}`,
  ],
  ["Time zone", code(event.timezone)],
  ["Employer", `${escapeHtml(employerName)} ${code(event.employerId)}`],
  ["Id", `${code(encodeEventId(event.uuid))}<br>${code(event.uuid)}`],
  [
    "Language and country",
    `${escapeHtml(event.languageCode ?? "not set")} / ${escapeHtml(event.countryCode ?? "not set")}`,
  ],
  [
    "Sent by",
    `${escapeHtml(event.requestMetadata.atsName)}${event.requestMetadata.employerName ? ` for ${escapeHtml(event.requestMetadata.employerName)}` : ""}`,
  ],
  [
    "Interviewer lobby",
    `<a href="${escapeHtml(interviewerLobby)}">${escapeHtml(interviewerLobby)}</a>`,
  ],
  [
    "Interviewee lobby",
    intervieweeLobby
      ? `<a href="${escapeHtml(intervieweeLobby)}">${escapeHtml(intervieweeLobby)}</a>`
      : "No interviewee yet",
  ],
])}
<h2>Interviewers</h2>
<table><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Added</th></tr></thead><tbody>${interviewers}</tbody></table>
<h2>Interviewee</h2>
<p>${event.interviewee ? `${escapeHtml(event.interviewee.name)} ${code(event.interviewee.email)}` : "None yet."}</p>
<h2>Sessions and recordings</h2>
${sessions ? `<table><thead><tr><th scope="col">Record</th><th scope="col">Held</th><th scope="col">Recording</th><th scope="col">Decisions</th></tr></thead><tbody>${sessions}</tbody></table>` : "<p>No session held yet.</p>"}
${sessionForm}
${decisionForm}
<h2>What Indeed sent</h2>
${messages ? `<table><thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Kind</th><th scope="col">Subject</th></tr></thead><tbody>${messages}</tbody></table>` : "<p>Nothing sent yet.</p>"}
<p><a href="/_sandbox/notifications?eventId=${event.uuid}">These messages as JSON</a></p>`,
  };
}
