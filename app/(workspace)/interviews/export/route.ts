import { cookies } from "next/headers";
import { calendarQuery } from "@/lib/calendar/calendar-query";
import { calendarCsvStream, exportFileName } from "@/lib/calendar/export-csv";
import { ledgerDetailsFor } from "@/lib/calendar/ledger-route";
import { parseCalendarSearchParams } from "@/lib/calendar/search-params";
import { serverCalendarZone } from "@/lib/calendar/server-zone";
import { VIEWER_ZONE_COOKIE } from "@/lib/calendar/viewer-zone-cookie";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { executeOperation } from "@/lib/operations";

export const dynamic = "force-dynamic";

/**
 * GET /interviews/export?<the calendar's query>: every interview of the filtered range as a
 * streamed, formula-safe CSV download, times in the zone the calendar shows. A link the browser
 * follows: a refusal before the first byte lands on the problem page.
 */
export const GET = route(
  { auth: "employer", pages: true, methods: ["GET"] },
  async (request, { session }) => {
    const state = parseCalendarSearchParams(new URL(request.url).searchParams);
    const database = db();
    const zone = await serverCalendarZone(
      database,
      session.employer.id,
      (await cookies()).get(VIEWER_ZONE_COOKIE)?.value,
    );
    const { range } = calendarQuery(state, zone, new Date());
    const { stream, totalCount } = await calendarCsvStream(
      {
        findPage: async (variables) =>
          (await executeOperation(session, "FindInterviews", variables)).findVirtualInterviewEvents,
        ledger: (ids) => ledgerDetailsFor(database, session.employer.id, ids),
        appUrl: config().appUrl,
      },
      state,
      range,
    );
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName(range)}"`,
        "Cache-Control": "no-store",
        ...(totalCount === null ? {} : { "X-Lobby-Export-Total": String(totalCount) }),
      },
    });
  },
);
