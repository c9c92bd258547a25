import { HttpError, sendJson, type Router, type SandboxRequest } from "../core/http";
import type { SandboxContext } from "../core/module";
import { sendPage } from "../core/page";
import type { OAuthApi } from "../oauth/api";
import { eventFromParam, eventJson } from "./control-routes";
import type { StoredEvent } from "./event-model";
import type { InterviewService } from "./interview-service";
import { eventPage } from "./pages/event-page";
import { employerEventsPage, employersPage } from "./pages/events-list-page";
import {
  interviewerLobbyPage,
  interviewerSignInPage,
  intervieweeLobbyPage,
  notAnInterviewerPage,
  notAParticipantPage,
} from "./pages/lobby-pages";
import { outboxPage } from "./pages/outbox-page";
import { recordingPage } from "./pages/recording-page";

function wantsJson(req: SandboxRequest): boolean {
  const accept = req.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

/** The signed-in sandbox account if it is an interviewer on the event; else the page to show. */
function interviewerOrPage(req: SandboxRequest, oauth: OAuthApi, event: StoredEvent) {
  const signIn = oauth.signInUrl(req.url.pathname);
  const account = oauth.currentAccount(req);
  const create = oauth.createAccountUrl(req.url.pathname);
  if (!account)
    return { status: 401, page: interviewerSignInPage(event, signIn, create), account: null };
  if (!event.interviewers.some((i) => i.email === account.email.toLowerCase())) {
    return { status: 403, page: notAnInterviewerPage(account, signIn), account: null };
  }
  return { status: 200, page: null, account };
}

/** Browser pages: event list and details, the outbox, the two lobbies, recordings. */
export function mountInterviewPages(
  router: Router,
  context: SandboxContext,
  oauth: OAuthApi,
  service: InterviewService,
): void {
  const employerName = (id: string) => oauth.employer(id)?.name ?? id;

  router.on("GET", "/_sandbox/events", (req, res) => {
    const employerId = req.url.searchParams.get("employerId");
    if (employerId === null) {
      sendPage(res, 200, employersPage(service, oauth.employers()));
      return;
    }
    const employer = oauth.employer(employerId);
    if (!employer) throw new HttpError(404, "No such employer");
    sendPage(
      res,
      200,
      employerEventsPage(service, employer, Number(req.url.searchParams.get("page") ?? 1) || 1),
    );
  });

  router.on("GET", "/_sandbox/events/:id", (req, res, params) => {
    const event = eventFromParam(service, params.id ?? "");
    if (wantsJson(req)) sendJson(res, 200, eventJson(service, event));
    else
      sendPage(
        res,
        200,
        eventPage(service, event, employerName(event.employerId), context.controlFormToken),
      );
  });

  router.on("GET", "/_sandbox/outbox", (_req, res) => {
    sendPage(res, 200, outboxPage(service));
  });

  router.on("GET", "/lobby/interviewee/:token", (_req, res, params) => {
    const found = service.store.byLobbyToken(params.token ?? "");
    if (!found || found.role !== "interviewee") throw new HttpError(404, "No such lobby");
    sendPage(res, 200, intervieweeLobbyPage(found.event, employerName(found.event.employerId)));
  });

  router.on("GET", "/lobby/interviewer/:token", (req, res, params) => {
    const found = service.store.byLobbyToken(params.token ?? "");
    if (!found || found.role !== "interviewer") throw new HttpError(404, "No such lobby");
    const access = interviewerOrPage(req, oauth, found.event);
    if (!access.account) {
      sendPage(res, access.status, access.page);
      return;
    }
    sendPage(
      res,
      200,
      interviewerLobbyPage(found.event, employerName(found.event.employerId), access.account),
    );
  });

  // Only the interviewers who took part may watch, even when the link is shared.
  router.on("GET", "/_sandbox/recordings/:id", (req, res, params) => {
    const sessionId = params.id ?? "";
    const event = service.store.bySessionId(sessionId);
    const session = event?.sessions.find((s) => s.uuid === sessionId);
    if (!event || !session) throw new HttpError(404, "No such recording");
    const access = interviewerOrPage(req, oauth, event);
    if (!access.account) {
      sendPage(res, access.status, access.page);
      return;
    }
    // "Only interviewers who participated in the interview can view the recording."
    if (!service.mayWatch(event, session, access.account.email)) {
      sendPage(res, 403, notAParticipantPage(access.account, oauth.signInUrl(req.url.pathname)));
      return;
    }
    const shown = recordingPage(event, session, service.recordingState(session));
    sendPage(res, shown.status, shown.page);
  });
}
