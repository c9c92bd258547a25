"use client";

import dynamic from "next/dynamic";
import { CalendarSkeleton } from "./calendar-skeleton";

/**
 * The calendar, rendered on the server with its first page and hydrated when its code has
 * arrived (docs/decisions/0089): the page's own first-load script is this file. next/dynamic
 * (not React.lazy) so that the HTML asks for the calendar's chunk at once, beside the runtime,
 * and the controls answer as soon as they can. The skeleton shows only on a client-side visit
 * before the code is in.
 */
export const LazyInterviewsCalendar = dynamic(
  () => import("./interviews-calendar").then((module) => module.InterviewsCalendar),
  { loading: () => <CalendarSkeleton /> },
);
