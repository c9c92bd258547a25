import type { ReactNode } from "react";
import { DATA_REQUEST_KIND_LABELS } from "@/lib/privacy/data-request-schema";
import type { PersonalData } from "@/lib/privacy/types";
import { formatRangeInZone } from "@/lib/scheduling/time";

/**
 * Everything Lobby holds about one job seeker, as the request page and the printable report
 * show it (the JSON export is the same object). Plain markup: it prints as it reads.
 */
export function PersonalDataView({ data }: { data: PersonalData }) {
  return (
    <div className="space-y-8" data-testid="personal-data">
      <Section id="pd-applications" title={`Applications (${data.applications.length})`}>
        {data.applications.length === 0 ? (
          <Empty>No application with this address.</Empty>
        ) : (
          <ul className="space-y-2">
            {data.applications.map((application) => (
              <li key={application.id} className="rounded border border-slate-200 p-3">
                <p className="font-medium">
                  {application.name} — {application.job.title}
                </p>
                <p className="text-sm text-slate-700">
                  {application.email} · application {application.applicationId} · job{" "}
                  {application.job.id} · stage {application.stage} · applied{" "}
                  {application.appliedAt.slice(0, 10)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="pd-interviews" title={`Interviews (${data.interviews.length})`}>
        {data.interviews.length === 0 ? (
          <Empty>No interview in Lobby&apos;s ledger.</Empty>
        ) : (
          <ul className="space-y-3">
            {data.interviews.map((interview) => (
              <li
                key={interview.indeedEventId}
                className="space-y-1 rounded border border-slate-200 p-3 print:break-inside-avoid"
              >
                <p className="font-medium">{interview.title}</p>
                <p className="text-sm text-slate-700">
                  {formatRangeInZone(
                    new Date(interview.startTime),
                    new Date(interview.endTime),
                    interview.timezone,
                  )}{" "}
                  · {interview.status}
                  {interview.cancelReason ? ` (${interview.cancelReason})` : ""}
                </p>
                <p className="text-xs text-slate-700">
                  Indeed&apos;s id: {interview.indeedEventId}
                </p>
                {interview.indeed.shown ? (
                  <div className="space-y-1 text-sm">
                    <p>
                      At Indeed now: {interview.indeed.status ?? "status unknown"}; interviewers:{" "}
                      {interview.indeed.interviewers.join(", ") || "none"}.
                    </p>
                    <p data-testid="recording-state">
                      Recordings:{" "}
                      {interview.indeed.recordings.length === 0
                        ? "none held yet."
                        : interview.indeed.recordings
                            .map((recording) => `session ${recording.session}: ${recording.state}`)
                            .join(" ")}
                    </p>
                    <p>
                      Decisions:{" "}
                      {interview.indeed.decisions.length === 0
                        ? "none yet."
                        : interview.indeed.decisions
                            .map(
                              (decision) =>
                                `${decision.interviewer}: ${decision.decision}${decision.note ? ` (“${decision.note}”)` : ""}`,
                            )
                            .join("; ")}
                    </p>
                  </div>
                ) : (
                  <p className="text-sm text-amber-900">{interview.indeed.reason}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="pd-messages" title={`Messages (${data.messages.length})`}>
        {data.messages.length === 0 ? (
          <Empty>Lobby sent them no message.</Empty>
        ) : (
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {data.messages.map((message) => (
              <li key={`${message.indeedEventId}-${message.sequence}`}>
                {message.kind} to {message.to}: {message.status}, queued {message.queuedAt}
                {message.sentAt ? `, sent ${message.sentAt}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="pd-audit" title={`Audit entries (${data.auditEntries.length})`}>
        {data.auditEntries.length === 0 ? (
          <Empty>No audit entry concerns them.</Empty>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3 font-medium">
                  When
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  What
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  By
                </th>
                <th scope="col" className="py-1 font-medium">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {data.auditEntries.map((entry) => (
                <tr key={entry.id} className="border-b border-slate-200 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">{entry.at}</td>
                  <td className="py-1 pr-3">{entry.description}</td>
                  <td className="py-1 pr-3">{entry.by ?? "Lobby"}</td>
                  <td className="py-1 break-all font-mono text-xs">
                    {JSON.stringify(entry.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}

/** The request's own facts, above the data. */
export function RequestFacts({ data }: { data: PersonalData }) {
  return (
    <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <Fact term="Job seeker">{data.email}</Fact>
      <Fact term="Request">{DATA_REQUEST_KIND_LABELS[data.request.kind]}</Fact>
      <Fact term="Received">{data.request.receivedOn}</Fact>
      <Fact term="Due">{data.request.dueOn}</Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700">{children}</p>;
}
