import Link from "next/link";
import { formatRangeInZone } from "@/lib/scheduling/time";

/**
 * Indeed lets an event's interviewers, and no one else, open or change it: a colleague who
 * is not one of them gets FORBIDDEN. When Lobby's ledger knows the interview, the page says
 * that, and who can add them, instead of a bare "not found".
 */
export function NotAnInterviewer({
  interview,
  scheduledBy,
}: {
  interview: { title: string; startTime: Date; endTime: Date; timezone: string };
  scheduledBy?: { name: string | null; email: string | null };
}) {
  const who = scheduledBy?.name ?? scheduledBy?.email;
  return (
    <section className="max-w-xl space-y-4" data-testid="not-an-interviewer">
      <h1 className="text-2xl font-semibold tracking-tight">
        Only this interview&apos;s interviewers can open it
      </h1>
      <p className="text-slate-800">
        <strong>{interview.title}</strong>,{" "}
        {formatRangeInZone(interview.startTime, interview.endTime, interview.timezone)} (
        {interview.timezone}), was scheduled for your employer, but Indeed shows an interview, its
        lobby links, recordings and decisions only to its interviewers, and you are not one of them.
      </p>
      <p className="text-slate-700">
        {who ? (
          <>
            <strong>{who}</strong>
            {scheduledBy?.name && scheduledBy.email ? ` (${scheduledBy.email})` : ""} scheduled it
            in Lobby: they, or any of its interviewers,
          </>
        ) : (
          "Any of its interviewers"
        )}{" "}
        can add you with <em>Add interviewers</em> on the interview&apos;s page.
      </p>
      <Link href="/interviews" className="text-brand-700 underline underline-offset-4">
        Back to interviews
      </Link>
    </section>
  );
}
