import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { IndeedProblem } from "@/components/interviews/indeed-problem";
import { ReviewQueue } from "@/components/reviews/review-queue";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { nextCursorOf } from "@/lib/calendar/calendar-query";
import { reviewEventsVariables } from "@/lib/calendar/find-events-variables";
import { calendarRange } from "@/lib/calendar/range";
import { reviewQueuePage } from "@/lib/calendar/review-queue";
import {
  currentCursor,
  hrefWith,
  parseReviewSearchParams,
  serializeReviewState,
} from "@/lib/calendar/search-params";
import { serverCalendarZone } from "@/lib/calendar/server-zone";
import { VIEWER_ZONE_COOKIE } from "@/lib/calendar/viewer-zone-cookie";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { executeOperation } from "@/lib/operations";
import { findLedgerInterviewsByEventIds } from "@/lib/scheduling/interview-ledger";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = parseReviewSearchParams(await searchParams);
  const session = await requireEmployerSession(hrefWith("/reviews", serializeReviewState(state)));
  const zone = await serverCalendarZone(
    db(),
    session.employer.id,
    (await cookies()).get(VIEWER_ZONE_COOKIE)?.value,
  );
  // The server's clock, for the range and the days left (docs/decisions/0046).
  const now = new Date();
  const range = calendarRange(state, zone, now);

  let connection;
  try {
    const data = await executeOperation(
      session,
      "FindReviews",
      reviewEventsVariables(range, now, currentCursor(state) ?? null),
    );
    connection = data.findVirtualInterviewEvents;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A cursor Indeed no longer takes (an old link): start again from the first page.
    if (error.code === "BAD_USER_INPUT" && state.cursors.length > 0) {
      redirect(hrefWith("/reviews", serializeReviewState({ ...state, cursors: [] })));
    }
    return <IndeedProblem code={error.code} message={error.message} />;
  }

  const page = reviewQueuePage(connection?.events ?? [], state, now);
  const ledger = await findLedgerInterviewsByEventIds(
    db(),
    session.employer.id,
    page.rows.map((row) => row.event.id),
  );

  return (
    <ReviewQueue
      state={state}
      range={range}
      page={page}
      totalCount={connection?.totalCount ?? null}
      nextCursor={nextCursorOf(connection ?? undefined)}
      applicants={new Map(ledger.map((row) => [row.indeedEventId, row]))}
    />
  );
}
