import { applicationsCsv, exportFileName } from "@/lib/csv/applications-csv";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { filterValues, queryFilters } from "../application-filters";

export const dynamic = "force-dynamic";

/**
 * GET /applications/export?q=&job=&stage=: the signed-in employer's applications exactly as
 * the list is filtered (all pages), as a formula-safe CSV download. A link the browser follows:
 * without a session (or with a lost employer) it lands on the problem page, not on JSON.
 */
export const GET = route({ auth: "employer", pages: true }, async (request, { session }) => {
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
