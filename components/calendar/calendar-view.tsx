"use client";

import Link from "next/link";
import { lazy, type ReactNode, Suspense, useMemo } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isCanceled } from "@/lib/calendar/calendar-event";
import { type EventsPage, nextCursorOf, pageEvents } from "@/lib/calendar/events-page";
import { formatDayHeading, zoneName } from "@/lib/calendar/format";
import type { CalendarLedger } from "@/lib/calendar/ledger-details";
import type { CalendarRange } from "@/lib/calendar/range";
import type { CalendarState } from "@/lib/calendar/search-params";
import {
  CALENDAR_PRESETS,
  hrefWith,
  nextPage,
  previousPage,
  serializeCalendarState,
  withDisplayChange,
  withQueryChange,
} from "@/lib/calendar/search-query";
import type { ServerZoneSource } from "@/lib/calendar/server-zone";
import { AgendaList } from "./agenda-list";
import { CalendarSkeleton } from "./calendar-skeleton";
import { CalendarToolbar } from "./calendar-toolbar";
import { RangeControls } from "./range-picker";
import { ZoneSwitchControl } from "./zone-switch";

const CALENDAR_PATH = "/interviews";
const CALENDAR_EXPORT_PATH = "/interviews/export";

export interface CalendarViewProps {
  state: CalendarState;
  /**
   * The zone the days and times are in: the viewer's as their browser last reported it, or the
   * server's guess before it has (see zoneSource); null: skeletons.
   */
  viewerZone: string | null;
  /** Where viewerZone came from; the page says so when it is a guess. Default: the viewer. */
  zoneSource?: ServerZoneSource;
  /** The range asked for, in the viewer's zone; null while the zone is unknown. */
  range: CalendarRange | null;
  now: Date;
  /** The pages fetched so far, from the URL's cursor on. */
  pages: readonly EventsPage[] | undefined;
  /** Why the first page could not be read, rendered by the server (./calendar-problem.tsx). */
  problem?: ReactNode;
  /** A later page's failure: what was fetched stays, with a way to try that page again. */
  nextPageError: { message: string } | null;
  onRetryNextPage: () => void;
  ledger: CalendarLedger;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onEndReached: () => void;
  /** False when Indeed was not asked to sort (the guide's schema): each page is sorted here. */
  sortedByIndeed: boolean;
  /** Navigates to a new state (a history entry). */
  onChange: (next: CalendarState) => void;
}

/**
 * /interviews: the employer's Indeed interviews in a range, as an agenda or a week grid, with
 * Lobby's own knowledge (applicant, job) added. Every choice lives in the URL; this component
 * only shows the state and the pages it is given (components/calendar/interviews-calendar.tsx
 * fetches them).
 */
export function CalendarView(props: CalendarViewProps) {
  const { state, viewerZone, range, pages, problem, onChange } = props;
  const first = pages?.[0];
  const total = first?.totalCount;
  const pageNumber = state.cursors.length + 1;
  const href = (next: CalendarState) => hrefWith(CALENDAR_PATH, serializeCalendarState(next));
  const nextCursor = nextCursorOf(first);

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">Interviews</h1>
          {typeof total === "number" ? (
            <p data-testid="calendar-total" className="text-slate-700">
              {total} {total === 1 ? "interview" : "interviews"}
            </p>
          ) : (
            !problem && <Skeleton className="h-5 w-24" />
          )}
        </div>
        {/* No `download` attribute: the file comes as an attachment, and a refusal (reconnect,
            not allowed) opens the problem page instead of being saved as a .csv. */}
        <a
          href={hrefWith(CALENDAR_EXPORT_PATH, serializeCalendarState(state))}
          className={buttonClassName({ variant: "outline", size: "sm" })}
        >
          Download CSV
        </a>
      </div>

      <div className="space-y-4">
        <RangeControls
          // A new URL (back, forward, a link) resets the picker's own state.
          key={JSON.stringify(state.range)}
          value={state.range}
          presets={CALENDAR_PRESETS}
          shownDays={range ?? undefined}
          onChange={(choice) => onChange(withQueryChange(state, { range: choice }))}
        />
        <CalendarToolbar state={state} onChange={onChange}>
          {viewerZone && (
            <ZoneSwitchControl
              value={state.zone}
              viewerZone={viewerZone}
              onChange={(zone) => onChange(withDisplayChange(state, { zone }))}
            />
          )}
        </CalendarToolbar>
        {range && (
          <div>
            {/* The day headings below are h3s: this names what they list. */}
            <h2 className="text-lg font-semibold text-slate-900">
              {formatDayHeading(range.firstDay)}
              {range.lastDay !== range.firstDay && ` to ${formatDayHeading(range.lastDay)}`}
            </h2>
            <p className="text-sm text-slate-700">
              {viewerZone && <ZoneStatement zone={viewerZone} source={props.zoneSource} />}{" "}
              Interviews {state.field === "start" ? "starting" : "ending"} in these days.
              {!props.sortedByIndeed &&
                " Indeed sends these pages unsorted: each page of 100 is sorted on its own."}
            </p>
          </div>
        )}
      </div>

      <CalendarBody {...props} />

      <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
        <p className="text-slate-700">Page {pageNumber}</p>
        {state.cursors.length > 0 && (
          <>
            <Link href={href(previousPage(state))} className={linkClassName}>
              Previous page
            </Link>
            <Link href={href({ ...state, cursors: [] })} className={linkClassName}>
              Back to first page
            </Link>
          </>
        )}
        {nextCursor && (
          <Link href={href(nextPage(state, nextCursor))} className={linkClassName}>
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}

/** Which zone the days and times are in, and why when it is not known to be the viewer's. */
function ZoneStatement({ zone, source = "viewer" }: { zone: string; source?: ServerZoneSource }) {
  const name = zoneName(zone);
  if (source === "viewer") return <>Times and days in {name}, your time zone.</>;
  if (source === "employer") {
    return (
      <>
        Times and days in {name}, the zone this employer schedules in, until your browser&rsquo;s
        zone is known.
      </>
    );
  }
  return <>Times and days in {name} until your browser&rsquo;s zone is known.</>;
}

/** The agenda's size before it is measured: its first rows show on the first paint. */
const AGENDA_FIRST_PAINT = { width: 1024, height: 640 };

const linkClassName = "text-brand-700 underline underline-offset-4 hover:text-brand-800";

function CalendarBody({
  state,
  viewerZone,
  range,
  now,
  pages,
  problem,
  nextPageError,
  onRetryNextPage,
  ledger,
  hasNextPage,
  isFetchingNextPage,
  onEndReached,
}: CalendarViewProps) {
  const loaded = useMemo(() => {
    const events = (pages ?? []).flatMap((page) => pageEvents(page, state).events);
    const skipped = (pages ?? []).reduce((sum, page) => sum + pageEvents(page, state).skipped, 0);
    return { events, skipped };
  }, [pages, state]);

  if (problem) return <>{problem}</>;
  if (!viewerZone || !range || !pages) return <CalendarSkeleton />;

  const hideCanceled = state.canceled === "hide";
  const shown = hideCanceled ? loaded.events.filter((e) => !isCanceled(e)) : loaded.events;
  const empty = (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-700">
      <p>
        No interviews in this range
        {hideCanceled && loaded.events.length > 0 ? " apart from canceled ones" : ""}.
      </p>
      <p className="mt-2">
        Interviews are scheduled from an application: open{" "}
        <Link href="/applications" className={linkClassName}>
          Applications
        </Link>{" "}
        and choose <em>Create interview with Indeed</em>.
      </p>
    </div>
  );

  return (
    <div className="space-y-3">
      {state.view === "agenda" ? (
        <AgendaList
          events={loaded.events}
          viewerZone={viewerZone}
          zoneMode={state.zone}
          order={state.dir}
          days={range}
          hideCanceled={hideCanceled}
          ledger={ledger}
          hasNextPage={hasNextPage && !nextPageError}
          isFetchingNextPage={isFetchingNextPage}
          onEndReached={onEndReached}
          empty={empty}
          initialRect={AGENDA_FIRST_PAINT}
        />
      ) : shown.length === 0 && !hasNextPage ? (
        empty
      ) : (
        <Suspense fallback={<Skeleton className="h-[75vh] w-full" />}>
          <WeekView
            range={range}
            viewerZone={viewerZone}
            state={state}
            now={now}
            events={loaded.events}
            ledger={ledger}
            loadingMore={hasNextPage && !nextPageError}
          />
        </Suspense>
      )}
      {loaded.skipped > 0 && (
        <p className="text-sm text-slate-700">
          {loaded.skipped} {loaded.skipped === 1 ? "event" : "events"} from Indeed had no readable
          time and {loaded.skipped === 1 ? "is" : "are"} not shown.
        </p>
      )}
      {nextPageError && (
        <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
          <p>More interviews could not be loaded: {nextPageError.message}.</p>
          <Button variant="outline" size="sm" onClick={onRetryNextPage}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}

// The week view (its grid and layout code) loads when it is chosen; it renders on the server
// with the page when the URL asks for it. The agenda, the default view, comes with the page.
const WeekView = lazy(() => import("./week-view").then((module) => ({ default: module.WeekView })));
