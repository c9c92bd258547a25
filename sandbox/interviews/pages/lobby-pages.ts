import { escapeHtml } from "../../core/http";
import type { PageOptions } from "../../core/page";
import type { SandboxUser } from "../../oauth/api";
import type { StoredEvent } from "../event-model";
import { detailsList, localWhen } from "./page-format";

function eventSummary(event: StoredEvent, employerName: string): string {
  return detailsList([
    ["Interview", escapeHtml(event.title)],
    ["Employer", escapeHtml(employerName)],
    ["Starts", escapeHtml(localWhen(event.startMs, event.timezone))],
    ["Ends", escapeHtml(localWhen(event.endMs, event.timezone))],
  ]);
}

function canceledNotice(event: StoredEvent): string {
  return event.status === "CANCELED"
    ? `<p class="card error" role="note"><strong>This interview was canceled.</strong></p>`
    : "";
}

/** The interviewee's lobby: no account needed. */
export function intervieweeLobbyPage(event: StoredEvent, employerName: string): PageOptions {
  const name = event.interviewee?.name ?? "there";
  return {
    title: "Interview lobby",
    main: `<h1>Welcome, ${escapeHtml(name)}</h1>
${canceledNotice(event)}
${eventSummary(event, employerName)}
<p>You do not need an Indeed account. When the interview starts, your interviewers will let you in from here.</p>`,
  };
}

/** The interviewers' lobby: first asks the person to sign in with their Indeed account. */
export function interviewerSignInPage(
  event: StoredEvent,
  signInUrl: string,
  createAccountUrl: string,
): PageOptions {
  return {
    title: "Sign in to join",
    main: `<h1>Sign in to join ${escapeHtml(event.title)}</h1>
<p>Interviewers join with their Indeed account. If you do not have one, create it first.</p>
<p><a class="primary" href="${escapeHtml(signInUrl)}">Sign in with Indeed</a></p>
<p><a href="${escapeHtml(createAccountUrl)}">Create an Indeed account</a></p>`,
  };
}

export function interviewerLobbyPage(
  event: StoredEvent,
  employerName: string,
  account: SandboxUser,
): PageOptions {
  return {
    title: "Interviewer lobby",
    main: `<h1>Interviewer lobby</h1>
<p>Signed in as ${escapeHtml(account.name)} (<code>${escapeHtml(account.email)}</code>).</p>
${canceledNotice(event)}
${eventSummary(event, employerName)}
<p>Interviewee: ${event.interviewee ? escapeHtml(event.interviewee.name) : "not added yet"}.</p>
<p><a href="/_sandbox/events/${event.uuid}">Event details in the sandbox</a></p>`,
  };
}

export function notAnInterviewerPage(account: SandboxUser, signInUrl: string): PageOptions {
  return {
    title: "Not an interviewer",
    main: `<h1>You are not an interviewer on this event</h1>
<p>${escapeHtml(account.name)} (<code>${escapeHtml(account.email)}</code>) was not invited. Ask an interviewer to add you, or
<a href="${escapeHtml(signInUrl)}">sign in as someone else</a>.</p>`,
  };
}

export function notAParticipantPage(account: SandboxUser, signInUrl: string): PageOptions {
  return {
    title: "Recording not available to you",
    main: `<h1>Only interviewers who took part can view this recording</h1>
<p>${escapeHtml(account.name)} (<code>${escapeHtml(account.email)}</code>) is an interviewer on this event but did not join this interview, so Indeed does not show its recording, even with the link. <a href="${escapeHtml(signInUrl)}">Sign in as someone else</a>.</p>`,
  };
}
