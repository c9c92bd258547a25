import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { Suspense } from "react";
import { InterviewsCalendar } from "@/components/calendar/interviews-calendar";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { calendarQuery, nextEventsPageParam, pageEventIds } from "@/lib/calendar/calendar-query";
import { ledgerDetailsKey } from "@/lib/calendar/ledger-details";
import { ledgerDetailsFor } from "@/lib/calendar/ledger-route";
import {
  hrefWith,
  parseCalendarSearchParams,
  type SearchParamsInput,
  serializeCalendarState,
} from "@/lib/calendar/search-params";
import { serverCalendarZone } from "@/lib/calendar/server-zone";
import { VIEWER_ZONE_COOKIE } from "@/lib/calendar/viewer-zone-cookie";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { indeedKeys } from "@/lib/indeed/query-keys";
import { executeOperation } from "@/lib/operations";

export const metadata: Metadata = { title: "Interviews" };

/**
 * The calendar: the state is the URL's; the first page of events (and what the ledger knows of
 * them) is fetched here under the keys the browser reads, in the zone the browser last reported
 * (docs/decisions/0043). A failure is left to the browser, which asks again and says what to do.
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
  const employerId = session.employer.id;
  const database = db();
  const zone = await serverCalendarZone(
    database,
    employerId,
    (await cookies()).get(VIEWER_ZONE_COOKIE)?.value,
  );
  const { variables } = calendarQuery(state, zone, new Date());
  const queryClient = new QueryClient();
  try {
    const events = await queryClient.fetchInfiniteQuery({
      queryKey: indeedKeys.operation(employerId, "FindInterviews", variables),
      queryFn: () => executeOperation(session, "FindInterviews", variables),
      initialPageParam: variables.after,
      getNextPageParam: nextEventsPageParam,
    });
    const ids = pageEventIds(events.pages[0]?.findVirtualInterviewEvents ?? undefined);
    if (ids.length > 0) {
      const found = await ledgerDetailsFor(database, employerId, ids);
      queryClient.setQueryData(ledgerDetailsKey(employerId, ids), [...found.values()]);
    }
  } catch (error) {
    unstable_rethrow(error);
  }

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <InterviewsCalendar sortedByIndeed={config().indeed.schemaExtensions} />
      </Suspense>
    </HydrationBoundary>
  );
}
