"use client";

import { useSyncExternalStore } from "react";
import { currentZoneName } from "@/lib/scheduling/time";

function browserZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const noSubscription = () => () => {};

/**
 * The viewer's IANA zone, read in the browser; null while rendering on the server, which does
 * not know it (the page shows skeletons until it is known, rather than times in a wrong zone).
 */
export function useViewerZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}
