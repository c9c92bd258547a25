import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IndeedInterviewButton } from "@/components/indeed-interview-button";
import { InterviewStatusBadge } from "@/components/interviews/interview-status-badge";
import { Badge } from "@/components/ui/badge";
import { IndeedUnreachable } from "@/components/ui/indeed-unreachable";
import { findApplication } from "@/lib/ats/application-queries";
import { STAGE_LABELS } from "@/lib/ats/application-stages";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { executeOperation } from "@/lib/operations";
import { listInterviewsForApplication } from "@/lib/scheduling/interview-ledger";
import { refreshFromIndeed } from "@/lib/scheduling/reconcile-ledger";
import { formatRangeInZone } from "@/lib/scheduling/time";
import { applicationIdSchema, parseRouteId } from "@/lib/security/route-ids";

export const metadata: Metadata = { title: "Application" };

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId(applicationIdSchema, (await params).id);
  if (!id) notFound();
  const session = await requireEmployerSession(`/applications/${encodeURIComponent(id)}`);
  const application = await findApplication(db(), session.employer.id, id);
  if (!application) notFound();
  const known = await listInterviewsForApplication(db(), session.employer.id, application.id);
  // Statuses as Indeed has them now (canceled or moved outside Lobby), written back first.
  const indeed = await refreshFromIndeed(
    { db: db(), getInterviews: (s, ids) => executeOperation(s, "GetInterviews", { ids }) },
    session,
    known.map((interview) => interview.indeedEventId),
  );
  const interviews =
    indeed.changed > 0
      ? await listInterviewsForApplication(db(), session.employer.id, application.id)
      : known;

  return (
    <article className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm">
            <Link href="/applications" className="text-brand-700 underline">
              Applications
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{application.applicantName}</h1>
          <p className="text-slate-700">
            {application.job.title} · <Badge>{STAGE_LABELS[application.stage]}</Badge>
          </p>
        </div>
        <IndeedInterviewButton
          size="lg"
          application={{
            applicationId: application.externalId,
            name: application.applicantName,
            email: application.applicantEmail,
            jobTitle: application.job.title,
          }}
        />
      </header>

      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm font-medium text-slate-700">Email</dt>
          <dd>{application.applicantEmail}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-700">Application id</dt>
          <dd>{application.externalId}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-700">Job id</dt>
          <dd>{application.job.externalId}</dd>
        </div>
      </dl>

      <section aria-labelledby="interviews-heading" className="space-y-3">
        <h2 id="interviews-heading" className="text-lg font-semibold">
          Interviews
        </h2>
        {!indeed.reachable && (
          <IndeedUnreachable variant="notice" detail="These are the statuses Lobby last saw." />
        )}
        {interviews.length === 0 ? (
          <p className="text-slate-700">No interview scheduled yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {interviews.map((interview) => (
              <li
                key={interview.id}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3"
              >
                <div>
                  <Link
                    href={`/interviews/${encodeURIComponent(interview.indeedEventId)}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {interview.title}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {formatRangeInZone(interview.startTime, interview.endTime, interview.timezone)}
                  </p>
                </div>
                <InterviewStatusBadge status={interview.status} />
              </li>
            ))}
          </ul>
        )}
        {interviews.length > 0 && (
          <p className="text-sm text-slate-700">
            <Link href="/reviews?range=last-90-days" className="text-brand-700 underline">
              Review interviews
            </Link>
            : past interviews with their decisions and recordings.
          </p>
        )}
      </section>
    </article>
  );
}
