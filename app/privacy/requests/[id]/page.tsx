import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataRequestStatus } from "@/components/privacy/data-request-status";
import { ErasurePanel } from "@/components/privacy/erasure-panel";
import { PersonalDataView, RequestFacts } from "@/components/privacy/personal-data-view";
import { buttonClassName } from "@/components/ui/button";
import { IndeedUnreachable } from "@/components/ui/indeed-unreachable";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { isEmployerAdmin } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { upcomingInterviewsOf } from "@/lib/privacy/cancel-upcoming";
import {
  DATA_REQUEST_KIND_LABELS,
  dataRequestIdSchema,
  dataRequestState,
  utcDate,
} from "@/lib/privacy/data-request-schema";
import { earlierErasures, findDataRequest, userLabel } from "@/lib/privacy/data-requests";
import { gatherPersonalData, NOT_SHOWN_BY_INDEED } from "@/lib/privacy/gather";
import { indeedReaderFor } from "@/lib/privacy/indeed-reader";
import type { ErasureOutcome } from "@/lib/privacy/types";
import { formatRangeInZone } from "@/lib/scheduling/time";
import { cancelUpcomingAction, carryOutErasureAction } from "../actions";

export const metadata: Metadata = { title: "Data request" };

const OUTCOME_LABELS: Record<keyof ErasureOutcome, string> = {
  applications: "applications pseudonymised",
  interviews: "interviews pseudonymised",
  messages: "messages deleted",
  queuedJobs: "delivery jobs deleted",
  auditEntries: "audit entries pseudonymised",
  dataRequests: "data requests without the address",
};

/** One request: everything Lobby holds about the job seeker, its export, and erasure. */
export default async function DataRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = dataRequestIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const session = await requireEmployerSession(`/privacy/requests/${parsed.data}`);
  const request = await findDataRequest(db(), session.employer.id, parsed.data);
  if (!request) notFound();
  const state = dataRequestState(request, utcDate(new Date()));
  const back = (
    <p className="text-sm">
      <Link href="/privacy/requests" className="text-brand-700 underline">
        Data requests
      </Link>
    </p>
  );

  if (!request.email) {
    const fulfilledBy = await userLabel(db(), request.fulfilledByUserId);
    const outcome = request.outcome as Partial<ErasureOutcome> | null;
    return (
      <article className="max-w-2xl space-y-4" data-testid="fulfilment-record">
        {back}
        <h1 className="text-2xl font-semibold tracking-tight">
          {DATA_REQUEST_KIND_LABELS[request.kind]}
        </h1>
        <DataRequestStatus state={state} />
        <p className="text-slate-700">
          Received {request.receivedOn}, due {request.dueOn}.{" "}
          {request.kind === "erasure" ? "The job seeker's data was erased" : "Answered"}
          {request.fulfilledAt ? ` on ${request.fulfilledAt.toISOString().slice(0, 10)}` : ""}
          {fulfilledBy ? ` by ${fulfilledBy}` : ""}
          {request.kind === "erasure" ? "" : "; the job seeker's data was erased since"}; Lobby
          keeps only this record.
        </p>
        {outcome && (
          <ul className="list-disc pl-6 text-sm text-slate-800">
            {(Object.keys(OUTCOME_LABELS) as (keyof ErasureOutcome)[]).map((key) => (
              <li key={key}>
                {outcome[key] ?? 0} {OUTCOME_LABELS[key]}
              </li>
            ))}
          </ul>
        )}
      </article>
    );
  }

  const withEmail = { ...request, email: request.email };
  const [data, upcoming, erasedBefore, canErase] = await Promise.all([
    gatherPersonalData(db(), session.employer, withEmail, indeedReaderFor(session)),
    upcomingInterviewsOf(db(), session.employer.id, request.email),
    earlierErasures(db(), session.employer.id, request.email),
    isEmployerAdmin(session),
  ]);
  const base = `/privacy/requests/${request.id}`;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        {back}
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {DATA_REQUEST_KIND_LABELS[request.kind]}
          </h1>
          <DataRequestStatus state={state} />
        </div>
        <RequestFacts data={data} />
        {erasedBefore.length > 0 && (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
            An erasure for this address was already carried out on{" "}
            {erasedBefore[0]!.fulfilledAt!.toISOString().slice(0, 10)}; what is below was recorded
            since.
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <a href={`${base}/export`} className={buttonClassName({ variant: "primary" })} download>
            Download the export (JSON)
          </a>
          <Link href={`${base}/report`} className={buttonClassName({ variant: "outline" })}>
            Printable report
          </Link>
        </div>
        {request.kind === "access" && (
          <p className="text-sm text-slate-700">
            The request counts as answered once its export is downloaded.
          </p>
        )}
      </header>

      {data.interviews.some(
        ({ indeed }) => !indeed.shown && indeed.reason !== NOT_SHOWN_BY_INDEED,
      ) && (
        <IndeedUnreachable
          variant="notice"
          detail="The interviews below are Lobby's records, without their state at Indeed."
        />
      )}
      <PersonalDataView data={data} />

      {request.kind === "erasure" && (
        <ErasurePanel
          requestId={request.id}
          upcoming={upcoming.map((interview) => ({
            eventId: interview.indeedEventId,
            title: interview.title,
            when: formatRangeInZone(interview.startTime, interview.endTime, interview.timezone),
          }))}
          canErase={canErase}
          cancelAction={cancelUpcomingAction}
          eraseAction={carryOutErasureAction}
          notes={{
            cancel: (
              <p className="text-sm text-slate-700">
                Indeed&apos;s API cannot delete an interview, and erasure in Lobby does not change
                anything at Indeed. You can cancel their upcoming interviews first: Indeed then
                tells everyone invited. What Indeed keeps (the event, recordings for 90 days,
                interviewers&apos; decisions) and for how long is set by Indeed&apos;s privacy
                policy.
              </p>
            ),
            erase: (
              <p className="text-sm text-slate-700">
                Their name and address are replaced by this request&apos;s token in applications,
                the interview ledger and the audit log; the messages sent to them are deleted. Lobby
                keeps only the record that this request was fulfilled, when and by whom.
              </p>
            ),
          }}
        />
      )}
    </article>
  );
}
