import Link from "next/link";
import { RangePicker } from "@/components/calendar/range-picker";
import { buttonClassName } from "@/components/ui/button";
import { formatDayHeading, zoneName } from "@/lib/calendar/format";
import type { CalendarRange } from "@/lib/calendar/range";
import type { ReviewPage } from "@/lib/calendar/review-queue";
import {
  hrefWith,
  nextPage,
  previousPage,
  type ReviewState,
  serializeReviewState,
} from "@/lib/calendar/search-params";
import { ReviewFilters } from "./review-filters";
import { type ReviewApplicant, ReviewTable, type ReviewTableEvent } from "./review-table";

export interface ReviewQueueProps {
  state: ReviewState;
  range: Pick<CalendarRange, "firstDay" | "lastDay" | "zone">;
  page: ReviewPage<ReviewTableEvent>;
  /** Indeed's count of interviews that ended in the range, when it sends one. */
  totalCount: number | null;
  /** The cursor of the next page, when Indeed has one. */
  nextCursor: string | undefined;
  applicants: ReadonlyMap<string, ReviewApplicant>;
}

const reviewsHref = (state: ReviewState) => hrefWith("/reviews", serializeReviewState(state));

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The review queue: range, filters, what this page holds, its rows and the way to the next. */
export function ReviewQueue({
  state,
  range,
  page,
  totalCount,
  nextCursor,
  applicants,
}: ReviewQueueProps) {
  const filtered = state.pending || state.recording || state.expiring;
  const pageNumber = state.cursors.length + 1;
  const withoutFilters = reviewsHref({
    ...state,
    pending: false,
    recording: false,
    expiring: false,
    cursors: [],
  });

  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Reviews</h1>
        <p className="text-slate-700">
          Past interviews, newest first: the decisions so far and how long their recordings remain
          on Indeed.
        </p>
      </header>

      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <RangePicker state={state} shownDays={range} />
        <p className="text-sm text-slate-700">
          Interviews that ended from {formatDayHeading(range.firstDay)} to{" "}
          {formatDayHeading(range.lastDay)}, days in {zoneName(range.zone)}.
        </p>
        <ReviewFilters state={state} />
      </div>

      <div className="space-y-1" role="status" data-testid="review-summary">
        {totalCount !== null && (
          <p className="font-medium">
            {plural(totalCount, "interview", "interviews")} in this range
          </p>
        )}
        {filtered && page.fetched > 0 && (
          <p className="text-slate-700">
            Showing {page.rows.length} of {plural(page.fetched, "interview", "interviews")} on this
            page that match. Indeed cannot filter on decisions or recordings, so Lobby filters each
            page it fetches{nextCursor ? "; the next page may hold more." : "."}
          </p>
        )}
      </div>

      {page.fetched === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-700">
          <p>No interviews ended in this range.</p>
          <p>
            Pick a longer range above, or see what is coming up in{" "}
            <Link href="/interviews" className="text-brand-700 underline">
              Interviews
            </Link>
            .
          </p>
        </div>
      ) : page.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-700">
          <p>No interview on this page matches the filters.</p>
          <p>
            {nextCursor ? "Try the next page, or " : ""}
            <Link href={withoutFilters} className="text-brand-700 underline">
              clear the filters
            </Link>
            .
          </p>
        </div>
      ) : (
        <ReviewTable rows={page.rows} applicants={applicants} />
      )}

      {(pageNumber > 1 || nextCursor) && (
        <nav aria-label="Pages" className="flex flex-wrap items-center gap-3">
          {pageNumber > 1 && (
            <>
              <Link
                href={reviewsHref({ ...state, cursors: [] })}
                className={buttonClassName({ variant: "ghost", size: "sm" })}
              >
                Back to first page
              </Link>
              <Link
                href={reviewsHref(previousPage(state))}
                className={buttonClassName({ variant: "outline", size: "sm" })}
              >
                Previous page
              </Link>
            </>
          )}
          <span className="text-sm text-slate-700">Page {pageNumber}</span>
          {nextCursor && (
            <Link
              href={reviewsHref(nextPage(state, nextCursor))}
              className={buttonClassName({ variant: "outline", size: "sm" })}
            >
              Next page
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
