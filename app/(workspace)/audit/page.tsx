import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClassName } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import {
  auditFilterQuery,
  parseAuditFilter,
  type SearchParamsRecord,
} from "@/lib/audit/audit-filter";
import { listAuditEntries, listAuditPeople } from "@/lib/audit/audit-log";
import { requireEmployerAdmin } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

/** `/audit`: the employer's audit log, for its admins only (others get the 403 page). */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  const parsed = parseAuditFilter(await searchParams);
  const returnTo = parsed.ok ? auditFilterQuery(parsed.filter, { page: true }) : undefined;
  const session = await requireEmployerAdmin(`/audit${returnTo?.size ? `?${returnTo}` : ""}`);
  const employerId = session.employer.id;
  const [people, result] = await Promise.all([
    listAuditPeople(db(), employerId),
    parsed.ok ? listAuditEntries(db(), employerId, parsed.filter) : null,
  ]);
  const exportQuery = parsed.ok ? auditFilterQuery(parsed.filter) : null;
  const filtered =
    parsed.ok &&
    Boolean(parsed.values.from || parsed.values.to || parsed.values.person || parsed.values.event);

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
          <p className="text-sm text-slate-700">
            Who did what for {session.employer.name}, and when. Times are in UTC.
          </p>
        </div>
        {exportQuery && (
          // A plain link: the browser downloads the file of exactly this filter, every page.
          <a
            href={`/audit/export${exportQuery.size ? `?${exportQuery}` : ""}`}
            download
            className={buttonClassName({ variant: "outline" })}
          >
            Download CSV
            <span className="sr-only"> of {filtered ? "the filtered" : "all"} entries</span>
          </a>
        )}
      </div>
      <AuditFilters
        values={parsed.values}
        errors={parsed.ok ? {} : parsed.fieldErrors}
        people={people.map((person) => ({
          id: person.id,
          label:
            [person.name, person.email && `(${person.email})`].filter(Boolean).join(" ") ||
            person.id,
        }))}
      />
      {!result ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          Some filters are not valid; correct the highlighted fields.
        </p>
      ) : result.entries.length > 0 ? (
        <>
          <AuditTable entries={result.entries} />
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            basePath="/audit"
            params={Object.fromEntries(exportQuery ?? [])}
          />
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-700">
          {filtered ? "No entry matches these filters." : "Nothing has been recorded yet."}
        </p>
      )}
    </section>
  );
}
