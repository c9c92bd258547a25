import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import type { SandboxEmployer } from "../../oauth/api";
import type { InterviewService } from "../interview-service";
import { timeTag } from "./page-format";

const PAGE_SIZE = 50;

/** `/_sandbox/events`: employers with their event counts. */
export function employersPage(
  service: InterviewService,
  employers: SandboxEmployer[],
): PageOptions {
  const rows = employers
    .map((e) => {
      const count = service.store.employerEvents(e.id).byStart.length;
      return `<tr><td><a href="/_sandbox/events?employerId=${encodeURIComponent(e.id)}">${escapeHtml(e.name)}</a></td><td><code>${escapeHtml(e.id)}</code></td><td>${count}</td></tr>`;
    })
    .join("");
  return {
    title: "Interview events",
    wide: true,
    main: `<h1>Interview events</h1>
<p>Events scheduled through the Interview API (or the control API), per employer.</p>
<table><thead><tr><th scope="col">Employer</th><th scope="col">Id</th><th scope="col">Events</th></tr></thead><tbody>${rows}</tbody></table>
<p><a href="/_sandbox/outbox">Messages Indeed sent</a></p>`,
  };
}

/** `/_sandbox/events?employerId=`: one employer's events by start time, paged. */
export function employerEventsPage(
  service: InterviewService,
  employer: SandboxEmployer,
  page: number,
): PageOptions {
  const sorted = service.store.employerEvents(employer.id).byStart;
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = sorted.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const rows = slice
    .map(
      (e) =>
        `<tr><td><a href="/_sandbox/events/${e.uuid}">${escapeHtml(e.title)}</a></td><td>${timeTag(e.startMs, e.timezone)}</td><td>${e.status}</td><td>${e.interviewee ? escapeHtml(e.interviewee.name) : "none"}</td><td>${e.sessions.length}</td></tr>`,
    )
    .join("");
  const link = (n: number, label: string) =>
    `<a href="/_sandbox/events?employerId=${encodeURIComponent(employer.id)}&amp;page=${n}">${label}</a>`;
  const nav = [
    current > 1 ? link(current - 1, "Earlier events") : "",
    current < pages ? link(current + 1, "Later events") : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return {
    title: `Events of ${employer.name}`,
    wide: true,
    main: `<p><a href="/_sandbox/events">All employers</a></p>
<h1>Events of ${escapeHtml(employer.name)}</h1>
<p>${sorted.length} events by start time; page ${current} of ${pages}.</p>
${rows ? `<table><thead><tr><th scope="col">Title</th><th scope="col">Starts</th><th scope="col">Status</th><th scope="col">Interviewee</th><th scope="col">Sessions</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>No events yet.</p>"}
${nav ? `<nav aria-label="Pages"><p>${nav}</p></nav>` : ""}`,
  };
}
