/**
 * Every action Lobby writes to `audit_events`, with what the audit log calls it. The one list:
 * the writer takes only these names, the page and the CSV read their words here. Pure and
 * client-safe.
 */
export const AUDIT_ACTIONS = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.employer_switch_in": "Switched to this employer",
  "auth.employer_switch_out": "Switched to another employer",
  "interview.create": "Scheduled an interview",
  "interview.reschedule": "Changed an interview's time",
  "interview.add_interviewers": "Added interviewers",
  "interview.add_interviewee": "Added the interviewee",
  "interview.set_title": "Changed an interview's title",
  "interview.set_timezone": "Changed an interview's time zone",
  "interview.cancel": "Canceled an interview",
  "interview.changed_outside_lobby": "Indeed reported a change made outside Lobby",
  "message.queue": "Queued a message to the interviewee",
  "message.resend": "Resent a message to the interviewee",
  "applications.import": "Imported applications",
  "data_request.record": "Recorded a data request",
  "data_request.export": "Downloaded a data request's export",
  "data_request.erase": "Carried out an erasure",
  "role.grant_admin": "Made a member an admin",
  "role.revoke_admin": "Removed a member's admin role",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** What an entry concerns: `subjectId` is Indeed's event id for an interview. */
export const AUDIT_SUBJECT_TYPES = [
  "interview",
  "employer",
  "user",
  "data_request",
  "application",
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The action in words; an action from an older Lobby shows as its name. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}
