import { ApiError, noAccessToEvent } from "./api-error";
import type { AccessMode } from "./api-modes";
import type { StoredEvent } from "./event-model";
import type { EmployerEvents } from "./event-store";
import type { Actor } from "./event-transitions";

/**
 * Who may read, change or cancel an event through the API (ADR 0033). The guide: "An
 * interviewer for an event can use the unique interview ID for an event to get details about,
 * update, or cancel the event." So in `interviewer` mode (the default) the event's interviewers
 * may, the creator included, whichever employer their token represents; in `employer` mode
 * anyone of the event's employer may (the sandbox's earlier reading).
 */
export function isInterviewerOn(event: StoredEvent, actor: Pick<Actor, "userId" | "email">) {
  const email = actor.email.toLowerCase();
  return (
    event.createdByUserId === actor.userId || event.interviewers.some((i) => i.email === email)
  );
}

export function mayAct(event: StoredEvent, actor: Actor, mode: AccessMode): boolean {
  return mode === "employer"
    ? event.employerId === actor.employerId
    : isInterviewerOn(event, actor);
}

/**
 * The FORBIDDEN a refused caller gets. An event that does not exist, or belongs to another
 * employer, gets the same words as ever (ids of other employers do not leak); a colleague of
 * the same employer who is not an interviewer is told why, so an app can explain it.
 */
export function refusal(event: StoredEvent | undefined, actor: Actor, id: string): ApiError {
  const shown = id.length > 200 ? `${id.slice(0, 200)}...` : id;
  if (event && event.employerId === actor.employerId) {
    return new ApiError(
      "FORBIDDEN",
      `Only the interviewers of the virtual interview event '${shown}' can view, update or cancel it.`,
    );
  }
  return noAccessToEvent(shown);
}

/**
 * What `findVirtualInterviewEvents` lists: the token's employer's events, and in `interviewer`
 * mode only those the caller interviews on. The filter keeps both indexes' order.
 */
export function findableEvents(
  events: EmployerEvents,
  actor: Actor,
  mode: AccessMode,
): EmployerEvents {
  if (mode === "employer") return events;
  const mine = (event: StoredEvent) => isInterviewerOn(event, actor);
  return { byStart: events.byStart.filter(mine), byEnd: events.byEnd.filter(mine) };
}
