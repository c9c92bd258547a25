/**
 * An audit entry's details in a line a person reads: each known key in words, lists joined,
 * empty values and ids the page links to left out. Pure and client-safe.
 */

const LABELS: Record<string, string> = {
  title: "Title",
  startTime: "Start",
  endTime: "End",
  timezone: "Time zone",
  interviewers: "Interviewers",
  intervieweeEmail: "Interviewee",
  added: "Added",
  reason: "Reason",
  applications: "Applications",
  jobsCreated: "New jobs",
  kind: "Message",
  sequence: "Update number",
};

/** Shown as links or not at all. */
const HIDDEN = new Set(["applicationId", "candidateMessageId"]);

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) {
    const items = value.map(text).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(", ") : null;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function summariseAuditDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([key]) => !HIDDEN.has(key))
    .flatMap(([key, value]) => {
      const shown = text(value);
      return shown === null ? [] : [`${LABELS[key] ?? key}: ${shown}`];
    })
    .join("; ");
}
