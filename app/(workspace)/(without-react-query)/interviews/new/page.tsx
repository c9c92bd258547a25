import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateInterviewForm } from "@/components/interviews/create-interview-form";
import { findApplication } from "@/lib/ats/application-queries";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { createFormDefaults } from "@/lib/scheduling/create-form-defaults";
import { getEmployerDefaultTimezone } from "@/lib/scheduling/employer-timezone";
import { countryOptions, languageOptions, timeZoneOptions } from "@/lib/scheduling/locale-options";
import { MAX_INTERVIEWERS } from "@/lib/scheduling/rules";
import { createInterviewFormAction } from "./actions";

export const metadata: Metadata = { title: "Schedule an interview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim().slice(0, 200) : undefined;
}

export default async function NewInterviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      typeof value === "string" ? [[key, value]] : [],
    ),
  );
  const session = await requireEmployerSession(`/interviews/new${query.size ? `?${query}` : ""}`);

  const applicationKey = single(params.applicationId);
  const application = applicationKey
    ? await findApplication(db(), session.employer.id, applicationKey)
    : undefined;
  const name = application?.applicantName ?? single(params.name);
  const email = application?.applicantEmail ?? single(params.email);
  const jobTitle = application?.job.title ?? single(params.jobTitle);
  const employerZone = await getEmployerDefaultTimezone(db(), session.employer.id);

  return (
    <section className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Schedule an interview with Indeed</h1>
        {application ? (
          <p className="text-slate-700">
            For{" "}
            <Link href={`/applications/${application.id}`} className="text-brand-700 underline">
              {application.applicantName}
            </Link>
            , {application.job.title} (application {application.externalId}).
          </p>
        ) : applicationKey ? (
          <p role="status" className="text-slate-700">
            Application {applicationKey} is not one of {session.employer.name}&apos;s; the interview
            will not be linked to it.
          </p>
        ) : null}
      </div>
      <CreateInterviewForm
        action={createInterviewFormAction}
        defaults={createFormDefaults({ name, email, jobTitle, zone: employerZone ?? "UTC" })}
        attemptId={randomUUID()}
        hasEmployerTimezone={employerZone !== null}
        self={{ email: session.user.email, name: session.user.name }}
        maxInterviewers={MAX_INTERVIEWERS}
        applicationId={application?.id}
        jobTitle={application ? undefined : jobTitle}
        timeZones={timeZoneOptions()}
        languages={languageOptions()}
        countries={countryOptions()}
      />
    </section>
  );
}
