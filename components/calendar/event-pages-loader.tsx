"use client";

import { useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { type EventsPage, nextEventsPageParam, pageEventIds } from "@/lib/calendar/events-page";
import type { FindEventsVariables } from "@/lib/calendar/find-events-variables";
import { fetchLedgerDetails, ledgerDetailsKey } from "@/lib/calendar/fetch-ledger-details";
import type { LedgerDetails } from "@/lib/calendar/ledger-details";
import { indeedKeys } from "@/lib/indeed/query-keys";
import { QueryProvider } from "@/lib/indeed/query-provider";
import type { IndeedRouteError } from "@/lib/indeed/route-error";
import { callIndeedOperation } from "@/lib/scheduling/operations/hooks";

/** The first page as the server read it: the pages below start from it. */
export interface ServerFirstPage {
  page: EventsPage;
  /** Null when the server could not read the ledger: it is asked for here. */
  ledger: LedgerDetails[] | null;
  fetchedAt: number;
}

/** The calendar's pages so far and how to ask for the next, as the loader reports them. */
export interface EventPages {
  /** Which query these are of (the first page's variables, serialised). */
  queryKey: string;
  pages: EventsPage[];
  /** Each page's ids and what the ledger said of them (undefined while it is asked). */
  ledgerPages: { ids: string[]; details: LedgerDetails[] | undefined }[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: IndeedRouteError | null;
  fetchNextPage: () => void;
}

export interface EventPagesLoaderProps {
  employerId: string;
  variables: FindEventsVariables;
  queryKey: string;
  firstPage: ServerFirstPage;
  /** Mounted on the user's intent: the next page is asked for at once. */
  fetchOnMount: boolean;
  onPages: (pages: EventPages) => void;
}

/**
 * The calendar's pages after the server's first one, read through react-query (docs/decisions/
 * 0043, 0089, 0095). Loaded when they are first wanted (the agenda scrolled near its end, the
 * week view), so the page's first load carries neither react-query nor this. It renders nothing:
 * it reports the pages to the calendar, which keeps its DOM (and the agenda's scroll) as they
 * arrive. Keys sit under `indeedKeys.all(employerId)`, so every write, employer switch and
 * sign-out drops them.
 */
export function EventPagesLoader(props: EventPagesLoaderProps) {
  return (
    <QueryProvider>
      <Pages {...props} />
    </QueryProvider>
  );
}

/** Each ledger read's answer; module-level, so react-query keeps the array while none changes. */
function ledgerDataOf(results: { data?: LedgerDetails[] }[]): (LedgerDetails[] | undefined)[] {
  return results.map((result) => result.data);
}

function Pages({
  employerId,
  variables,
  queryKey,
  firstPage,
  fetchOnMount,
  onPages,
}: EventPagesLoaderProps) {
  // The server's page seeds the cache under the key the browser reads, dated when it was read.
  const events = useInfiniteQuery({
    queryKey: indeedKeys.operation(employerId, "FindInterviews", variables),
    queryFn: ({ pageParam, signal }) =>
      callIndeedOperation("FindInterviews", { ...variables, after: pageParam }, undefined, signal),
    initialPageParam: variables.after,
    getNextPageParam: nextEventsPageParam,
    initialData: {
      pages: [{ findVirtualInterviewEvents: firstPage.page }],
      pageParams: [variables.after],
    },
    initialDataUpdatedAt: firstPage.fetchedAt,
  });
  const data = events.data;
  // Each page and its ids, once per answer: the ledger reads below and the report use them.
  const { pages, pageIds } = useMemo(() => {
    const fetched = data.pages.map((page) => page.findVirtualInterviewEvents ?? {});
    return { pages: fetched, pageIds: fetched.map(pageEventIds) };
  }, [data]);
  const ledgerPages = useQueries({
    queries: pageIds.map((ids, index) => ({
      queryKey: ledgerDetailsKey(employerId, ids),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchLedgerDetails(ids, signal),
      initialData: index === 0 && firstPage.ledger ? firstPage.ledger : undefined,
      initialDataUpdatedAt: firstPage.fetchedAt,
      enabled: ids.length > 0,
    })),
    combine: ledgerDataOf,
  });

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = events;
  useEffect(() => {
    if (fetchOnMount) void fetchNextPage();
  }, [fetchOnMount, fetchNextPage]);

  const error = isFetchNextPageError ? (events.error as IndeedRouteError) : null;
  useEffect(() => {
    onPages({
      queryKey,
      pages,
      ledgerPages: pageIds.map((ids, index) => ({ ids, details: ledgerPages[index] })),
      hasNextPage,
      isFetchingNextPage,
      nextPageError: error,
      fetchNextPage: () => void fetchNextPage(),
    });
  }, [
    queryKey,
    pages,
    pageIds,
    ledgerPages,
    hasNextPage,
    isFetchingNextPage,
    error,
    fetchNextPage,
    onPages,
  ]);
  return null;
}
