"use client";

import { useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { calendarQuery, nextEventsPageParam, pageEventIds } from "@/lib/calendar/calendar-query";
import {
  fetchLedgerDetails,
  ledgerDetailsKey,
  ledgerForPage,
  type LedgerDetails,
} from "@/lib/calendar/ledger-details";
import {
  type CalendarState,
  parseCalendarSearchParams,
  serializeCalendarState,
} from "@/lib/calendar/search-params";
import { viewerZoneCookie } from "@/lib/calendar/viewer-zone-cookie";
import { useActiveEmployerId } from "@/lib/indeed/hooks";
import { indeedKeys } from "@/lib/indeed/query-keys";
import type { IndeedRouteError } from "@/lib/indeed/route-error";
import { callIndeedOperation } from "@/lib/scheduling/operations/hooks";
import { CalendarView } from "./calendar-view";
import { usePushQuery } from "./use-push-query";
import { useViewerZone } from "./use-viewer-zone";

/**
 * The calendar's reads, through react-query. The first page (from the URL's cursor) is the one
 * the server prefetched under the same key when its zone matched the browser's
 * (docs/decisions/0043); scrolling fetches the following pages; each page's ledger details are
 * one more cached read. Keys sit under `indeedKeys.all(employerId)`, so every write, employer
 * switch and sign-out drops them.
 */
export function InterviewsCalendar({ sortedByIndeed }: { sortedByIndeed: boolean }) {
  const searchParams = useSearchParams();
  const state = useMemo(() => parseCalendarSearchParams(searchParams), [searchParams]);
  const viewerZone = useViewerZone();
  const [now] = useState(() => new Date());
  const employerId = useActiveEmployerId();
  const push = usePushQuery();

  // Tells the server the zone, so its next prefetch (and the export) use the browser's range.
  useEffect(() => {
    if (viewerZone) document.cookie = viewerZoneCookie(viewerZone, location.protocol === "https:");
  }, [viewerZone]);

  const query = viewerZone ? calendarQuery(state, viewerZone, now) : null;
  const events = useInfiniteQuery({
    queryKey: indeedKeys.operation(employerId, "FindInterviews", query?.variables),
    queryFn: ({ pageParam, signal }) =>
      callIndeedOperation(
        "FindInterviews",
        { ...query!.variables, after: pageParam },
        undefined,
        signal,
      ),
    initialPageParam: query?.variables.after ?? null,
    getNextPageParam: nextEventsPageParam,
    enabled: query !== null && employerId !== null,
  });
  const pages = useMemo(
    () => events.data?.pages.map((page) => page.findVirtualInterviewEvents ?? {}),
    [events.data],
  );

  const pageIds = useMemo(() => (pages ?? []).map(pageEventIds), [pages]);
  const ledgerPages = useQueries({
    queries: pageIds.map((ids) => ({
      queryKey: ledgerDetailsKey(employerId, ids),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchLedgerDetails(ids, signal),
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

  const firstPageError = events.isError && !events.data ? events.error : null;
  return (
    <CalendarView
      state={state}
      viewerZone={viewerZone}
      range={query?.range ?? null}
      now={now}
      pages={pages}
      error={firstPageError as IndeedRouteError | null}
      onRetry={() => void events.refetch()}
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
