import type { Metadata } from "next";
import { cookies } from "next/headers";
import { CalendarProblem } from "@/components/calendar/calendar-problem";
import { InterviewsCalendar } from "@/components/calendar/interviews-calendar";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { calendarQuery } from "@/lib/calendar/calendar-query";
import { loadCalendarFirstPage } from "@/lib/calendar/first-page";
import {
  hrefWith,
  parseCalendarSearchParams,
  type SearchParamsInput,
  serializeCalendarState,
} from "@/lib/calendar/search-params";
import { serverCalendarZoneWithSource } from "@/lib/calendar/server-zone";
import { decodeViewerZoneCookie, VIEWER_ZONE_COOKIE } from "@/lib/calendar/viewer-zone-cookie";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Interviews" };

/**
 * The calendar: the state is the URL's, parsed here; the first page of events (and what the
 * ledger knows of them) is read here, in the zone the browser last reported or else the
 * employer's, and rendered with the HTML; the browser gets plain props (docs/decisions/0043,
 * 0089). No Suspense boundary around it: the calendar is in the first flush of the HTML, not
 * swapped in after a skeleton (ADR 0094).
 */
export default async function InterviewsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsInput>;
}) {
  const state = parseCalendarSearchParams(await searchParams);
  const session = await requireEmployerSession(
    hrefWith("/interviews", serializeCalendarState(state)),
  );
  const database = db();
  const zoneCookie = (await cookies()).get(VIEWER_ZONE_COOKIE)?.value;
  const { zone, source } = await serverCalendarZoneWithSource(
    database,
    session.employer.id,
    zoneCookie,
  );
  const now = new Date();
  const { range, variables } = calendarQuery(state, zone, now);
  const firstPage = await loadCalendarFirstPage(session, database, variables);

  return (
    <InterviewsCalendar
      state={state}
      zone={zone}
      zoneSource={source}
      recordedZone={decodeViewerZoneCookie(zoneCookie)}
      range={range}
      variables={variables}
      firstPage={firstPage}
      problem={firstPage.ok ? null : <CalendarProblem error={firstPage.error} />}
      now={now}
      sortedByIndeed={config().indeed.schemaExtensions}
    />
  );
}
