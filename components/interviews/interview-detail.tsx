import Link from "next/link";
import type { ComboboxOption } from "@/components/ui/combobox";
import { eventDecisions, sessionsOf } from "@/lib/calendar/decisions";
import type { OperationResult } from "@/lib/scheduling/operations";
import { formatRangeInZone, toLocalSpan } from "@/lib/scheduling/time";
import { CopyButton } from "./copy-button";
import { DecisionsSection } from "./decisions-section";
import { InterviewActions } from "./interview-actions";
import { InterviewStatusBadge } from "./interview-status-badge";
import { RecordingsSection } from "./recordings-section";
import { ViewerTime } from "./viewer-time";

export type InterviewEvent = NonNullable<
  NonNullable<
    NonNullable<OperationResult<"GetInterviews">["virtualInterviewEvents"]>["events"]
  >[number]
>;

export interface InterviewDetailProps {
  event: InterviewEvent;
  /** What Lobby's ledger knows: the application and, once canceled, the reason. */
  ledger?: {
    application?: { id: string; name: string; jobTitle: string } | null;
    cancelReason?: string | null;
  };
  timeZones: ComboboxOption[];
  /** Lobby's clock, from which a recording's days left are counted (ADR 0046). */
  now: Date;
  /** The zone the viewer's browser last reported (the viewer-zone cookie), or null. */
  viewerZone?: string | null;
}

/** "English (en)": the name in English and the code Indeed holds; the code alone if unknown. */
function codeName(code: string | null | undefined, type: "language" | "region"): string {
  if (!code) return "Not set";
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(["en-US"], { type, fallback: "none" }).of(code);
  } catch {
    // A code Intl cannot read (malformed): show it as Indeed sent it.
  }
  return name && name !== code ? `${name} (${code})` : code;
}

function LobbyLink({ label, url }: { label: string; url: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="w-full text-sm font-medium text-slate-700">{label}</dt>
      <dd className="flex min-w-0 flex-1 items-center gap-2">
        <a
          href={url}
          className="truncate text-brand-700 underline underline-offset-2"
          target="_blank"
          rel="noreferrer"
        >
          {url}
        </a>
        <CopyButton text={url} label={`Copy the ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}

/** The event page's body: what Indeed holds about the interview, and the changes it allows. */
export function InterviewDetail({
  event,
  ledger,
  timeZones,
  now,
  viewerZone = null,
}: InterviewDetailProps) {
  const zone = event.timezone ?? "UTC";
  const canceled = event.status === "CANCELED";
  const interviewers = (event.interviewersConnection?.interviewers ?? []).flatMap((person) =>
    person ? [person] : [],
  );
  const interviewee = event.intervieweesConnection?.interviewees?.find(Boolean) ?? null;
  const title = event.title ?? "Interview";

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <InterviewStatusBadge status={event.status} />
        </div>
        {ledger?.application && (
          <p className="text-slate-700">
            For{" "}
            <Link
              href={`/applications/${ledger.application.id}`}
              className="text-brand-700 underline"
            >
              {ledger.application.name}
            </Link>
            , {ledger.application.jobTitle}
          </p>
        )}
        <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="font-medium text-slate-700">Language</dt>
            <dd data-testid="event-language">{codeName(event.languageCode, "language")}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="font-medium text-slate-700">Country</dt>
            <dd data-testid="event-country">{codeName(event.countryCode, "region")}</dd>
          </div>
        </dl>
      </header>

      {canceled && (
        <p
          role="status"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          This interview was canceled{ledger?.cancelReason ? `: ${ledger.cancelReason}` : "."} It
          can no longer be changed.
        </p>
      )}

      <section aria-labelledby="when-heading" className="space-y-2">
        <h2 id="when-heading" className="text-lg font-semibold">
          When
        </h2>
        {event.startTime && event.endTime ? (
          <>
            <p data-testid="event-time">
              {formatRangeInZone(event.startTime, event.endTime, zone)}
            </p>
            <ViewerTime
              start={event.startTime}
              end={event.endTime}
              eventZone={zone}
              reportedZone={viewerZone}
            />
          </>
        ) : (
          <p>Indeed did not return the times.</p>
        )}
        <p className="text-sm text-slate-700">
          Time zone: <span data-testid="event-timezone">{zone}</span>
        </p>
      </section>

      <section aria-labelledby="people-heading" className="grid gap-6 sm:grid-cols-2">
        <h2 id="people-heading" className="sr-only">
          People
        </h2>
        <div className="space-y-2">
          <h3 className="font-semibold">Interviewers ({interviewers.length})</h3>
          <ul className="space-y-1" data-testid="interviewers">
            {interviewers.map((person) => (
              <li key={person.email ?? person.id} className="text-slate-800">
                {person.name ? `${person.name} · ` : ""}
                {person.email}
              </li>
            ))}
          </ul>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold">Interviewee</h3>
          {interviewee ? (
            <p data-testid="interviewee">
              {interviewee.name} · {interviewee.email}
            </p>
          ) : (
            <p className="text-slate-700">None yet.</p>
          )}
        </div>
      </section>

      <section aria-labelledby="lobby-heading" className="space-y-3">
        <h2 id="lobby-heading" className="text-lg font-semibold">
          Lobby links
        </h2>
        <dl className="space-y-3">
          {event.interviewerLobbyUrl && (
            <LobbyLink label="Interviewer lobby link" url={event.interviewerLobbyUrl} />
          )}
          {interviewee?.intervieweeLobbyUrl && (
            <LobbyLink label="Interviewee lobby link" url={interviewee.intervieweeLobbyUrl} />
          )}
        </dl>
        {!interviewee && (
          <p className="text-sm text-slate-700">
            The interviewee&apos;s link appears once an interviewee is added.
          </p>
        )}
      </section>

      <RecordingsSection
        sessions={sessionsOf(event)}
        interviewEnd={event.endTime ?? null}
        now={now}
        zone={zone}
      />

      <DecisionsSection sessions={eventDecisions(event)} />

      {!canceled && event.startTime && event.endTime && (
        <section aria-labelledby="changes-heading" className="space-y-3">
          <h2 id="changes-heading" className="text-lg font-semibold">
            Changes
          </h2>
          <InterviewActions
            eventId={event.id}
            title={title}
            timezone={zone}
            localSpan={toLocalSpan(event.startTime, event.endTime, zone)}
            interviewerEmails={interviewers.flatMap((person) =>
              person.email ? [person.email] : [],
            )}
            hasInterviewee={interviewee !== null}
            timeZones={timeZones}
          />
        </section>
      )}
    </article>
  );
}
