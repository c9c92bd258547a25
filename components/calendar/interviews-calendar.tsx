"use client";

import { useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { nextEventsPageParam, pageEventIds } from "@/lib/calendar/events-page";
import type { FindEventsVariables } from "@/lib/calendar/find-events-variables";
import type { CalendarFirstPage } from "@/lib/calendar/first-page";
import {
  fetchLedgerDetails,
  ledgerDetailsKey,
  ledgerForPage,
  type LedgerDetails,
} from "@/lib/calendar/ledger-details";
import type { CalendarRange } from "@/lib/calendar/range";
import type { CalendarState } from "@/lib/calendar/search-params";
import { serializeCalendarState } from "@/lib/calendar/search-query";
import type { ServerZoneSource } from "@/lib/calendar/server-zone";
import { viewerZoneCookie } from "@/lib/calendar/viewer-zone-cookie";
import { useActiveEmployerId } from "@/lib/indeed/employer-context";
import { indeedKeys } from "@/lib/indeed/query-keys";
import { IndeedRouteError } from "@/lib/indeed/route-error";
import { callIndeedOperation } from "@/lib/scheduling/operations/hooks";
import { CalendarView } from "./calendar-view";
import { usePushQuery } from "./use-push-query";

export interface InterviewsCalendarProps {
  /** The URL's state, parsed by the server. */
  state: CalendarState;
  /** The zone the server computed the range in, and where it came from. */
  zone: string;
  zoneSource: ServerZoneSource;
  /** The zone cookie the server read (decoded), to tell whether the browser must record its own. */
  recordedZone: string | null;
  range: CalendarRange;
  /** The first page's variables (its `after` is the URL's cursor): the cache key. */
  variables: FindEventsVariables;
  firstPage: CalendarFirstPage;
  /** The server's clock when it computed the range (the week grid's "today"). */
  now: Date;
  sortedByIndeed: boolean;
}

/**
 * The calendar in the browser (docs/decisions/0043, 0089). The server parsed the URL, chose the
 * zone, read the first page and its ledger details and rendered them; they seed react-query
 * under the keys the browser reads, dated when the server read them, so hydration asks for
 * nothing. Scrolling (and the week view) fetch the following pages; each page's ledger details
 * are one more cached read. Keys sit under `indeedKeys.all(employerId)`, so every write,
 * employer switch and sign-out drops them.
 */
export function InterviewsCalendar({
  state,
  zone,
  zoneSource,
  recordedZone,
  range,
  variables,
  firstPage,
  now,
  sortedByIndeed,
}: InterviewsCalendarProps) {
  const employerId = useActiveEmployerId();
  const push = usePushQuery();
  const router = useRouter();

  // Records the browser's zone for the server; when the server could not have used it (first
  // visit, a traveller), the page is rendered again in it. Once per recorded value: no loop.
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === recordedZone) return;
    document.cookie = viewerZoneCookie(browserZone, location.protocol === "https:");
    router.refresh();
  }, [recordedZone, router]);

  const initial = firstPage.ok ? firstPage : null;
  const events = useInfiniteQuery({
    queryKey: indeedKeys.operation(employerId, "FindInterviews", variables),
    queryFn: ({ pageParam, signal }) =>
      callIndeedOperation("FindInterviews", { ...variables, after: pageParam }, undefined, signal),
    initialPageParam: variables.after,
    getNextPageParam: nextEventsPageParam,
    initialData: initial
      ? { pages: [{ findVirtualInterviewEvents: initial.page }], pageParams: [variables.after] }
      : undefined,
    initialDataUpdatedAt: initial?.fetchedAt,
    // After the server's failure the browser does not ask again by itself: "Try again" does.
    enabled: employerId !== null && initial !== null,
  });
  const pages = useMemo(
    () => events.data?.pages.map((page) => page.findVirtualInterviewEvents ?? {}),
    [events.data],
  );

  const pageIds = useMemo(() => (pages ?? []).map(pageEventIds), [pages]);
  const ledgerPages = useQueries({
    queries: pageIds.map((ids, index) => ({
      queryKey: ledgerDetailsKey(employerId, ids),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchLedgerDetails(ids, signal),
      initialData: index === 0 && initial?.ledger ? initial.ledger : undefined,
      initialDataUpdatedAt: initial?.fetchedAt,
      enabled: ids.length > 0 && employerId !== null,
    })),
  });
  const ledger = new Map<string, LedgerDetails | null>();
  ledgerPages.forEach((result, index) => {
    if (!result.data) return;
    for (const [id, details] of ledgerForPage(pageIds[index]!, result.data))
      ledger.set(id, details);
  });

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = events;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  // The week grid places every interview of the week: it reads the range to the end.
  useEffect(() => {
    if (state.view === "week" && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) {
      loadMore();
    }
  }, [state.view, hasNextPage, isFetchingNextPage, isFetchNextPageError, loadMore]);

  // The first page is the server's, read or refused; "Try again" asks the server again.
  const firstPageError = firstPage.ok
    ? null
    : new IndeedRouteError(firstPage.error.code, firstPage.error.message, firstPage.error.status);
  return (
    <CalendarView
      state={state}
      viewerZone={zone}
      zoneSource={zoneSource}
      range={range}
      now={now}
      pages={pages}
      error={firstPageError}
      onRetry={() => router.refresh()}
      nextPageError={isFetchNextPageError ? (events.error as IndeedRouteError) : null}
      onRetryNextPage={loadMore}
      ledger={ledger}
      hasNextPage={hasNextPage}
      isFetchingNextPage={isFetchingNextPage}
      onEndReached={loadMore}
      sortedByIndeed={sortedByIndeed}
      onChange={(next: CalendarState) => push(serializeCalendarState(next))}
    />
  );
}
