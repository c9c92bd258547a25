import Link from "next/link";
import { IndeedInterviewButton } from "@/components/indeed-interview-button";
import { Badge } from "@/components/ui/badge";
import type { ApplicationRow } from "@/lib/ats/application-queries";
import { STAGE_LABELS } from "@/lib/ats/application-stages";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Applications with the Indeed button on every row. */
export function ApplicationsTable({ rows }: { rows: ApplicationRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Applications</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              Applicant
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Job
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Stage
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              Applied
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">
              <span className="sr-only">Interview</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-3">
                <Link
                  href={`/applications/${row.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {row.applicantName}
                </Link>
                <div className="text-slate-700">{row.applicantEmail}</div>
                <div className="text-xs text-slate-600">{row.externalId}</div>
              </td>
              <td className="px-4 py-3 text-slate-800">{row.job.title}</td>
              <td className="px-4 py-3">
                <Badge
                  tone={
                    row.stage === "rejected"
                      ? "neutral"
                      : row.stage === "interview"
                        ? "brand"
                        : "neutral"
                  }
                >
                  {STAGE_LABELS[row.stage]}
                </Badge>
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                {dateFormat.format(row.appliedAt)}
              </td>
              <td className="px-4 py-3 text-right">
                <IndeedInterviewButton
                  size="sm"
                  accessibleContext={row.applicantName}
                  application={{
                    applicationId: row.externalId,
                    name: row.applicantName,
                    email: row.applicantEmail,
                    jobTitle: row.job.title,
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
