import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonalDataView, RequestFacts } from "@/components/privacy/personal-data-view";
import { PrintButton } from "@/components/privacy/print-button";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { dataRequestIdSchema } from "@/lib/privacy/data-request-schema";
import { personalDataForRequest } from "@/lib/privacy/export";
import { indeedReaderFor } from "@/lib/privacy/indeed-reader";

export const metadata: Metadata = { title: "Data request report" };

// Printed, the report is the document alone: the app's header, banners, footer and the
// report's own buttons are left out (everything beside <main> is the app's frame).
const PRINT_STYLES = `@media print {
  body > :not(main), [data-print="hide"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { font-size: 11pt; }
}`;

/** The readable report of a data request: the same data as the JSON export, made to print. */
export default async function DataRequestReportPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const parsed = dataRequestIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const session = await requireEmployerSession(`/privacy/requests/${parsed.data}/report`);
  let data;
  try {
    data = await personalDataForRequest(db(), session, parsed.data, indeedReaderFor(session));
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_REQUEST") notFound();
    throw error;
  }

  return (
    <article className="space-y-6">
      <style>{PRINT_STYLES}</style>
      <div className="flex flex-wrap items-center gap-3" data-print="hide">
        <Link href={`/privacy/requests/${data.request.id}`} className="text-brand-700 underline">
          Back to the request
        </Link>
        <PrintButton />
      </div>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          What {data.employer.name} holds about {data.email}
        </h1>
        <p className="text-sm text-slate-700">
          Generated {data.generatedAt} from Lobby, with each interview&apos;s current state at
          Indeed.
        </p>
      </header>
      <RequestFacts data={data} />
      <PersonalDataView data={data} />
    </article>
  );
}
