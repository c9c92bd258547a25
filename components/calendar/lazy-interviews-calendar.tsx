"use client";

import { lazy, Suspense } from "react";
import { CalendarSkeleton } from "./calendar-skeleton";
import type { InterviewsCalendarProps } from "./interviews-calendar";

const InterviewsCalendar = lazy(() =>
  import("./interviews-calendar").then((module) => ({ default: module.InterviewsCalendar })),
);

/**
 * The calendar, rendered on the server with its first page and hydrated when its code has
 * arrived (docs/decisions/0089): the page's own first-load script is this file. Until then the
 * server's HTML is on screen, links work, and React replays a press on a control once the
 * calendar has hydrated. The fallback shows only on a client-side visit before the code is in.
 */
export function LazyInterviewsCalendar(props: InterviewsCalendarProps) {
  return (
    <Suspense fallback={<CalendarSkeleton />}>
      <InterviewsCalendar {...props} />
    </Suspense>
  );
}
