"use client";

import { useSyncExternalStore } from "react";
import { currentZoneName, formatRangeInZone } from "@/lib/scheduling/format-in-zone";

function viewerZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const noSubscription = () => () => {};

/**
 * A time range in the viewer's own zone, rendered only in the browser (the server does not
 * know the viewer's zone), and only when it differs from the event's zone.
 */
export function ViewerTime({
  start,
  end,
  eventZone,
}: {
  start: string;
  end: string;
  eventZone: string;
}) {
  const zone = useSyncExternalStore(noSubscription, viewerZone, () => null);
  if (!zone || zone === eventZone) return null;
  return (
    <p className="text-sm text-slate-700">
      In your time zone ({zone.replaceAll("_", " ")}): {formatRangeInZone(start, end, zone)}
    </p>
  );
}
