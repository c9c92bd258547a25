import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { summariseAuditDetails } from "@/lib/audit/audit-details";
import type { AuditLogEntry } from "@/lib/audit/audit-log";

const when = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** The audit log's entries, one row each: when (UTC), who, what, what it concerns, details. */
export function AuditTable({ entries }: { entries: AuditLogEntry[] }) {
  return (
    <DataTable
      caption="Audit log entries"
      columns={["When (UTC)", "Who", "Action", "Concerns", "Details"]}
    >
      {entries.map((entry) => (
        <tr
          key={entry.id}
          data-testid="audit-entry"
          data-entry-id={entry.id}
          data-action={entry.action}
        >
          <td className="whitespace-nowrap px-4 py-3 align-top">
            <time dateTime={entry.at.toISOString()}>{when.format(entry.at)}</time>
          </td>
          <td className="px-4 py-3 align-top">
            {entry.person ? (
              <>
                <span className="block font-medium text-slate-900">
                  {entry.person.name ?? "Unnamed"}
                </span>
                <span className="block text-slate-700">{entry.person.email}</span>
              </>
            ) : (
              <span className="text-slate-700">Lobby</span>
            )}
          </td>
          <td className="px-4 py-3 align-top text-slate-900">{entry.actionLabel}</td>
          <td className="px-4 py-3 align-top">
            <Concerns entry={entry} />
          </td>
          <td className="max-w-md break-words px-4 py-3 align-top text-slate-700">
            {summariseAuditDetails(entry.details)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Concerns({ entry }: { entry: AuditLogEntry }) {
  const links = [];
  if (entry.eventId)
    links.push(
      <Link
        key="event"
        href={`/interviews/${encodeURIComponent(entry.eventId)}`}
        className="text-brand-700 underline underline-offset-4"
      >
        Interview <span className="font-mono text-xs">{entry.eventId}</span>
      </Link>,
    );
  if (entry.applicationId)
    links.push(
      <Link
        key="application"
        href={`/applications/${entry.applicationId}`}
        className="text-brand-700 underline underline-offset-4"
      >
        Application
      </Link>,
    );
  if (entry.subjectPerson)
    links.push(
      <span key="person" className="text-slate-900">
        {entry.subjectPerson.name ?? entry.subjectPerson.email ?? "Someone"}
      </span>,
    );
  return links.length > 0 ? (
    <span className="flex flex-col gap-1">{links}</span>
  ) : (
    <span className="text-slate-700">—</span>
  );
}
