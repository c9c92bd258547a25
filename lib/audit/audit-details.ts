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
  changes: "Changed",
};

/** Shown as links or not at all. */
const HIDDEN = new Set(["applicationId", "candidateMessageId"]);

interface Change {
  from: unknown;
  to: unknown;
}

function isChange(value: unknown): value is Change {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) {
    const items = value.map(text).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(", ") : null;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    // { field: { from, to } }, as a change read back from Indeed records it.
    if (entries.length > 0 && entries.every(([, v]) => isChange(v)))
      return entries
        .map(
          ([field, v]) =>
            `${LABELS[field] ?? field} ${text((v as Change).from) ?? "—"} → ${text((v as Change).to) ?? "—"}`,
        )
        .join(", ");
    return JSON.stringify(value);
  }
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
