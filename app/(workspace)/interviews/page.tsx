import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { InterviewStatusBadge } from "@/components/interviews/interview-status-badge";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { listEmployerInterviews } from "@/lib/scheduling/interview-ledger";
import { formatRangeInZone } from "@/lib/scheduling/time";

export const metadata: Metadata = { title: "Interviews" };

const PAGE_SIZE = 25;

export default async function InterviewsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const { page: pageParam } = await searchParams;
  const page = Math.max(1, Math.trunc(Number(pageParam)) || 1);
  const session = await requireEmployerSession(`/interviews${page > 1 ? `?page=${page}` : ""}`);
  const { rows, total } = await listEmployerInterviews(db(), session.employer.id, {
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Interviews</h1>
      <p className="text-slate-700">
        Interviews Lobby scheduled with Indeed for {session.employer.name}, latest first.
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-700">
          None yet. Open an{" "}
          <Link href="/applications" className="text-brand-700 underline">
            application
          </Link>{" "}
          and press <em>Create interview with Indeed</em>.
        </p>
      ) : (
        <DataTable caption="Interviews" columns={["Interview", "Applicant", "When", "Status"]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-3">
                <Link
                  href={`/interviews/${encodeURIComponent(row.indeedEventId)}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {row.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-800">
                {row.applicationId && row.applicantName ? (
                  <Link
                    href={`/applications/${row.applicationId}`}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {row.applicantName}
                  </Link>
                ) : (
                  (row.intervieweeEmail ?? "—")
                )}
                {row.jobTitle && <div className="text-slate-700">{row.jobTitle}</div>}
              </td>
              <td className="px-4 py-3 text-slate-800">
                {formatRangeInZone(row.startTime, row.endTime, row.timezone)}
              </td>
              <td className="px-4 py-3">
                <InterviewStatusBadge status={row.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        basePath="/interviews"
        params={{}}
      />
    </section>
  );
}
