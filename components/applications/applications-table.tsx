import Link from "next/link";
import { IndeedInterviewButton } from "@/components/indeed-interview-button";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { ApplicationRow } from "@/lib/ats/application-queries";
import { STAGE_LABELS } from "@/lib/ats/application-stages";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Applications with the Indeed button on every row. */
export function ApplicationsTable({ rows }: { rows: ApplicationRow[] }) {
  return (
    <DataTable
      caption="Applications"
      columns={[
        "Applicant",
        "Job",
        "Stage",
        "Applied",
        <span key="interview" className="sr-only">
          Interview
        </span>,
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="px-4 py-3">
            {/* No prefetch: twenty rows would each render the workspace on the server at load. */}
            <Link
              href={`/applications/${row.id}`}
              prefetch={false}
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
    </DataTable>
  );
}
