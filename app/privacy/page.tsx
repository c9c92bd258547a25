import type { Metadata } from "next";
import { IndeedPolicyLinks } from "@/components/legal/indeed-policies";

export const metadata: Metadata = { title: "Privacy and data handling" };

/**
 * What Lobby collects about job seekers and what it shares with Indeed when it schedules an
 * interview, in the words a job seeker and an employer can check. Public: no session needed.
 */
export default function PrivacyPage() {
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
        </ul>
      </section>

      <section aria-labelledby="shared" className="space-y-2">
        <h2 id="shared" className="text-xl font-semibold text-slate-900">
          What is shared with Indeed, and when
        </h2>
        <p>
          Nothing about you goes to Indeed until an employer presses{" "}
          <em>Create interview with Indeed</em> for your application. Then Lobby sends Indeed:
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>your name and email address, so Indeed can invite you and remind you;</li>
          <li>
            the interview&apos;s title, start and end time, time zone, and optionally its language
            and country;
          </li>
          <li>the interviewers&apos; email addresses;</li>
          <li>
            the name of this applicant tracking system and of the employer, as Indeed&apos;s terms
            require.
          </li>
        </ul>
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
          through Lobby, and for data Indeed holds, through Indeed.
        </p>
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
