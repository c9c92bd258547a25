import { withEmployer } from "@/lib/auth/session";
import { applicationsCsv, exportFileName } from "@/lib/csv/applications-csv";
import { db } from "@/lib/db/client";
import { filterValues, queryFilters } from "../application-filters";

export const dynamic = "force-dynamic";

/**
 * GET /applications/export?q=&job=&stage=: the signed-in employer's applications exactly as
 * the list is filtered (all pages), as a formula-safe CSV download.
 */
export const GET = withEmployer(async (request, { session }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { csv, rows, total } = await applicationsCsv(
    db(),
    session.employer.id,
    queryFilters(filterValues(params)),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(new Date())}"`,
      "Cache-Control": "no-store",
      "X-Lobby-Export-Rows": `${rows} of ${total}`,
    },
  });
});
