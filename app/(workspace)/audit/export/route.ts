import { auditCsvFileName, auditCsvStream } from "@/lib/audit/audit-csv";
import { parseAuditFilter } from "@/lib/audit/audit-filter";
import { assertEmployerAdmin } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * GET /audit/export?from=&to=&person=&event=&order=: the employer's audit log exactly as the
 * page filters it (every page), streamed as a formula-safe CSV. Admins only (403 otherwise);
 * a filter that does not parse is 400 with the field that is wrong.
 */
export const GET = route({ auth: "employer", pages: true }, async (request, { session }) => {
  await assertEmployerAdmin(session);
  const parsed = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok)
    throw new AppError("INVALID_REQUEST", "The audit log's filters are not valid", {
      fieldErrors: parsed.fieldErrors as Record<string, string>,
    });
  return new Response(auditCsvStream(db(), session.employer.id, parsed.filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditCsvFileName(new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
});
