import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationsFilters } from "@/components/applications/applications-filters";
import { ApplicationsTable } from "@/components/applications/applications-table";
import { Pagination } from "@/components/ui/pagination";
import { buttonClassName } from "@/components/ui/button";
import { listApplications, listJobs } from "@/lib/ats/application-queries";
import { seedDemoData } from "@/lib/ats/seed-demo";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { filterValues, queryFilters, single, type SearchParamsRecord } from "./application-filters";

export const metadata: Metadata = { title: "Applications" };

type SearchParams = Promise<SearchParamsRecord>;

export default async function ApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = filterValues(params);
  const imported = single(params.imported);
  const current = new URLSearchParams(
    Object.entries({ ...filters, page: single(params.page) }).flatMap(([k, v]) =>
      v ? [[k, v]] : [],
    ),
  );
  const exportQuery = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v ? [[k, v]] : [])),
  );
  const session = await requireEmployerSession(`/applications${current.size ? `?${current}` : ""}`);
  const employerId = session.employer.id;

  // Against the sandbox, a new employer gets demo applicants to schedule.
  if (config().indeed.usesSandbox) await seedDemoData(db(), employerId);

  const [result, jobs] = await Promise.all([
    listApplications(db(), employerId, {
      ...queryFilters(filters),
      page: Number(single(params.page) ?? 1),
    }),
    listJobs(db(), employerId),
  ]);

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Applications</h1>
        <div className="flex flex-wrap gap-2">
          {/* A plain link: the browser downloads the file; the filters are the list's own. */}
          <a
            href={`/applications/export${exportQuery.size ? `?${exportQuery}` : ""}`}
            download
            className={buttonClassName({ variant: "outline" })}
          >
            Download CSV
            <span className="sr-only">
              {" "}
              of {exportQuery.size ? "the filtered" : "all"} applications
            </span>
          </a>
          <Link href="/applications/import" className={buttonClassName({ variant: "outline" })}>
            Import CSV
          </Link>
        </div>
      </div>
      {imported && (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200"
        >
          Imported {imported} applications.
        </p>
      )}
      <ApplicationsFilters values={filters} jobs={jobs} />
      {result.rows.length > 0 ? (
        <ApplicationsTable rows={result.rows} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-700">
          {filters.q || filters.job || filters.stage
            ? "No application matches these filters."
            : "No applications yet. Import a CSV to start."}
        </p>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        basePath="/applications"
        params={filters}
      />
    </section>
  );
}
