"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { type EventsPage, nextCursorOf, pageEventIds } from "@/lib/calendar/events-page";
import type { FindEventsVariables } from "@/lib/calendar/find-events-variables";
import type { CalendarFirstPage } from "@/lib/calendar/first-page";
import { type LedgerDetails, ledgerForPage } from "@/lib/calendar/ledger-details";
import type { CalendarRange } from "@/lib/calendar/range";
import type { CalendarState } from "@/lib/calendar/search-params";
import { serializeCalendarState } from "@/lib/calendar/search-query";
import type { ServerZoneSource } from "@/lib/calendar/server-zone";
import { viewerZoneCookie } from "@/lib/calendar/viewer-zone-cookie";
import { useActiveEmployerId } from "@/lib/indeed/employer-context";
import { CalendarView } from "./calendar-view";
import type { EventPages } from "./event-pages-loader";
import { useModuleOnIntent } from "./use-module-on-intent";
import { usePushQuery } from "./use-push-query";

/** Why more pages cannot be read when the code that reads them did not arrive. */
const LOADER_UNAVAILABLE = "the page could not fetch what reads them; check your connection";

const loadEventPagesLoader = () =>
  import("./event-pages-loader").then((module) => module.EventPagesLoader);

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
  /** The server's account of a first page it could not read (./calendar-problem.tsx). */
  problem: ReactNode;
  /** The server's clock when it computed the range (the week grid's "today"). */
  now: Date;
  sortedByIndeed: boolean;
}

/**
 * The calendar in the browser (docs/decisions/0043, 0089, 0095). The server parsed the URL, chose
 * the zone, read the first page and its ledger details and rendered them; the browser shows them
 * with no data library. The pages after it are read by the event pages loader, fetched with
 * react-query on the first sign they are wanted: the agenda scrolled near its end, the week view
 * (it places the whole range), or a first page whose ledger details the server could not read.
 */
export function InterviewsCalendar({
  state,
  zone,
  zoneSource,
  recordedZone,
  range,
  variables,
  firstPage,
  problem,
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
  // A new query (range, sort, cursor) starts from the server's page again.
  const queryKey = JSON.stringify(variables);
  const [reported, setReported] = useState<EventPages | null>(null);
  const live = reported?.queryKey === queryKey ? reported : null;
  const [moreWantedFor, setMoreWantedFor] = useState<string | null>(null);
  const moreWanted = moreWantedFor === queryKey;

  const firstHasNext = nextCursorOf(initial?.page) !== undefined;
  const pagesWanted = moreWanted || (state.view === "week" && firstHasNext);
  const loaderWanted =
    initial !== null && employerId !== null && (pagesWanted || initial.ledger === null);
  const loader = useModuleOnIntent(loaderWanted, loadEventPagesLoader);
  const EventPagesLoader = loader.loaded;

  const pages: EventsPage[] | undefined = live?.pages ?? (initial ? [initial.page] : undefined);
  const ledger = useMemo(() => {
    const known = new Map<string, LedgerDetails | null>();
    const answered = live?.ledgerPages ?? [
      { ids: initial ? pageEventIds(initial.page) : [], details: initial?.ledger ?? undefined },
    ];
    for (const { ids, details } of answered) {
      if (details) for (const [id, found] of ledgerForPage(ids, details)) known.set(id, found);
    }
    return known;
  }, [live, initial]);

  const hasNextPage = live ? live.hasNextPage : firstHasNext;
  // Between the intent and the loader's arrival the next page is as good as being fetched.
  const isFetchingNextPage = live
    ? live.isFetchingNextPage
    : pagesWanted && loaderWanted && !loader.failed;
  const nextPageError =
    live?.nextPageError ?? (loader.failed ? { message: LOADER_UNAVAILABLE } : null);

  const fetchNextPage = live?.fetchNextPage;
  const loadMore = useCallback(() => {
    if (fetchNextPage) fetchNextPage();
    else setMoreWantedFor(queryKey);
  }, [fetchNextPage, queryKey]);
  const retryNextPage = loader.failed ? loader.retry : loadMore;

  // The week grid places every interview of the week: it reads the range to the end.
  useEffect(() => {
    if (
      state.view === "week" &&
      live?.hasNextPage &&
      !live.isFetchingNextPage &&
      !live.nextPageError
    ) {
      live.fetchNextPage();
    }
  }, [state.view, live]);

  return (
    <>
      <CalendarView
        state={state}
        viewerZone={zone}
        zoneSource={zoneSource}
        range={range}
        now={now}
        pages={pages}
        problem={problem}
        nextPageError={nextPageError}
        onRetryNextPage={retryNextPage}
        ledger={ledger}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        onEndReached={loadMore}
        sortedByIndeed={sortedByIndeed}
        onChange={(next: CalendarState) => push(serializeCalendarState(next))}
      />
      {EventPagesLoader && initial && employerId && (
        <EventPagesLoader
          key={queryKey}
          employerId={employerId}
          variables={variables}
          queryKey={queryKey}
          firstPage={initial}
          fetchOnMount={moreWanted}
          onPages={setReported}
        />
      )}
    </>
  );
}
