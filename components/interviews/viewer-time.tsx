"use client";

import { useSyncExternalStore } from "react";
import { currentZoneName, formatRangeInZone } from "@/lib/scheduling/format-in-zone";

function browserZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const noSubscription = () => () => {};

/**
 * A time range in the viewer's own zone, only when it differs from the event's zone. The server
 * renders it in the zone the browser last reported (the viewer-zone cookie), so the line is in
 * the first paint and does not push the page down on hydration; without the cookie (the calendar
 * writes it) it appears once the browser has rendered.
 */
export function ViewerTime({
  start,
  end,
  eventZone,
  reportedZone,
}: {
  start: string;
  end: string;
  eventZone: string;
  /** The viewer-zone cookie's zone, or null. */
  reportedZone: string | null;
}) {
  const zone = useSyncExternalStore(noSubscription, browserZone, () => reportedZone);
  if (!zone || zone === eventZone) return null;
  return (
    <p className="text-sm text-slate-700">
      In your time zone ({zone.replaceAll("_", " ")}): {formatRangeInZone(start, end, zone)}
    </p>
  );
}
