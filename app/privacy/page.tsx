import type { Metadata } from "next";
import Link from "next/link";
import { IndeedPolicyLinks } from "@/components/legal/indeed-policies";
import { IndeedDisclosure } from "@/components/privacy/indeed-disclosure";
import { getEmployerSession } from "@/lib/auth/current-session";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { dataRequestContact, employerParamSchema } from "@/lib/privacy/data-request-contact";

export const metadata: Metadata = { title: "Privacy and data handling" };

/**
 * What Lobby collects about job seekers and what it shares with Indeed when it schedules an
 * interview, in the words a job seeker and an employer can check. Public: no session needed.
 * The contact for data requests is the employer's named by `?employer=` (or the signed-in
 * one's); the list of what is sent comes from lib/privacy/disclosure.ts.
 */
export default async function PrivacyPage({
  searchParams,
}: {
  searchParams: Promise<{ employer?: string | string[] }>;
}) {
  const session = await getEmployerSession().catch(() => null);
  const asked = employerParamSchema.safeParse((await searchParams).employer);
  const employerId = asked.success ? asked.data : session?.employer.id;
  const contact = employerId ? await dataRequestContact(db(), employerId) : null;
  return (
    <article className="max-w-3xl space-y-8 text-slate-800">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">
          Privacy and data handling
        </h1>
        <p>
          Lobby is the applicant tracking side of interviews hosted by Indeed. This page says what
          Lobby keeps about you as a job seeker, what it shares with Indeed when an employer
          schedules an interview with you, and how to ask for your data.
        </p>
      </header>

      <section aria-labelledby="collected" className="space-y-2">
        <h2 id="collected" className="text-xl font-semibold text-slate-900">
          What Lobby keeps about you
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Your name and email address, as you gave them with your application.</li>
          <li>
            The application: its id in the employer&apos;s system, the job, the date and its stage.
          </li>
          <li>
            The interviews scheduled with you: title, time and time zone, interviewers, status, and
            who scheduled or changed them and when (an audit record).
          </li>
          <li>
            The messages Lobby sent you about them (invitation, updates, cancellation) and whether
            they were delivered.
          </li>
          <li>
            If you ask for your data or its erasure: the request, with your email address until it
            is answered by erasure.
          </li>
        </ul>
      </section>

      <section aria-labelledby="shared" className="space-y-3">
        <h2 id="shared" className="text-xl font-semibold text-slate-900">
          What is shared with Indeed, and when
        </h2>
        <p>
          Nothing about you goes to Indeed until an employer creates an interview with you (or adds
          you to one). This is everything Lobby sends Indeed, each time:
        </p>
        <IndeedDisclosure schemaExtensions={config().indeed.schemaExtensions} />
        <p>
          Indeed then hosts the interview: it emails you a reminder with a link to your lobby a few
          minutes before the start (you do not need an Indeed account), may record the interview if
          the employer turns recording on (recordings are kept by Indeed and expire after 90 days),
          and keeps each interviewer&apos;s decision and notes. Lobby reads these back from Indeed
          to show them to the employer; it does not copy recordings.
        </p>
      </section>

      <section aria-labelledby="requests" className="space-y-2">
        <h2 id="requests" className="text-xl font-semibold text-slate-900">
          Asking for your data
        </h2>
        <p>
          You can ask the employer you applied to for a copy of the data Lobby holds about you,
          including what was shared with Indeed, or ask for it to be erased. The employer answers
          within 30 days.
        </p>
        {contact?.contact ? (
          <p data-testid="data-request-contact">
            Send your request to {contact.employerName}: <strong>{contact.contact}</strong>.
          </p>
        ) : (
          <p>Send it to the contact shown in the messages the employer sent you through Lobby.</p>
        )}
        <p>
          Erasing your data in Lobby cannot delete the interview at Indeed: Indeed&apos;s API has no
          way to do that. The employer can cancel your upcoming interviews; what Indeed itself keeps
          (the event, recordings for 90 days, interviewers&apos; decisions) and for how long is
          governed by Indeed&apos;s privacy policy, linked below, and you can ask Indeed directly.
        </p>
        {session && (
          <p>
            <Link href="/privacy/requests" className="text-brand-700 underline underline-offset-4">
              Data requests
            </Link>{" "}
            — record and answer the requests {session.employer.name} received.
          </p>
        )}
      </section>

      <section aria-labelledby="policies" className="space-y-2">
        <h2 id="policies" className="text-xl font-semibold text-slate-900">
          Indeed&apos;s policies
        </h2>
        <p>The Indeed integration is governed by Indeed&apos;s own terms and policies:</p>
        <IndeedPolicyLinks className="list-disc space-y-1 pl-6" />
      </section>
    </article>
  );
}
