import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { IndeedProblem } from "@/components/interviews/indeed-problem";
import { InterviewDetail } from "@/components/interviews/interview-detail";
import { MessageHistory } from "@/components/interviews/message-history";
import { NotAnInterviewer } from "@/components/interviews/not-an-interviewer";
import { findApplication } from "@/lib/ats/application-queries";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { readViewerZoneCookie, VIEWER_ZONE_COOKIE } from "@/lib/calendar/viewer-zone-cookie";
import { db } from "@/lib/db/client";
import { executeOperation } from "@/lib/operations";
import { AppError } from "@/lib/http/app-error";
import { findLedgerInterview, findLedgerScheduler } from "@/lib/scheduling/interview-ledger";
import { interviewIdSchema, parseRouteId } from "@/lib/security/route-ids";
import { timeZoneOptions } from "@/lib/scheduling/locale-options";
import { listCandidateMessages } from "@/lib/mail/queue-candidate-message";
import { resendMessageAction } from "./message-actions";

export const metadata: Metadata = { title: "Interview" };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parseRouteId(interviewIdSchema, (await params).id);
  if (!id) notFound();
  const session = await requireEmployerSession(`/interviews/${encodeURIComponent(id)}`);

  let event;
  try {
    const data = await executeOperation(session, "GetInterviews", { ids: [id] });
    event = data.virtualInterviewEvents?.events?.[0];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "BAD_USER_INPUT") notFound();
    if (error.code !== "FORBIDDEN")
      return <IndeedProblem code={error.code} message={error.message} />;
  }
  if (!event) {
    // Indeed answers null (with FORBIDDEN) for an event that does not exist, is another
    // employer's, or does not have this user among its interviewers. Lobby's ledger tells the
    // last case apart: an interview of this employer that Indeed will not show this person.
    const known = await findLedgerInterview(db(), session.employer.id, id);
    if (!known) notFound();
    const scheduledBy = await findLedgerScheduler(db(), known);
    return <NotAnInterviewer interview={known} scheduledBy={scheduledBy} />;
  }

  const ledger = await findLedgerInterview(db(), session.employer.id, event.id);
  const application = ledger?.applicationId
    ? await findApplication(db(), session.employer.id, ledger.applicationId)
    : undefined;

  const messages = await listCandidateMessages(db(), {
    employerId: session.employer.id,
    indeedEventId: event.id,
  });

  return (
    <>
      <InterviewDetail
        event={event}
        ledger={{
          application: application
            ? {
                id: application.id,
                name: application.applicantName,
                jobTitle: application.job.title,
              }
            : null,
          cancelReason: ledger?.cancelReason,
        }}
        timeZones={timeZoneOptions()}
        // The server's clock: right for Indeed, and the sandbox's until its clock is moved (0046).
        now={new Date()}
        viewerZone={readViewerZoneCookie((await cookies()).get(VIEWER_ZONE_COOKIE)?.value)}
      />
      <MessageHistory
        eventId={event.id}
        timeZone={event.timezone ?? ledger?.timezone ?? "UTC"}
        resend={resendMessageAction}
        messages={messages.map((message) => ({
          ...message,
          createdAt: message.createdAt.toISOString(),
          sentAt: message.sentAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
