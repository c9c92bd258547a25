"use client";

import { resolveLocalTime } from "@/lib/scheduling/time";

/**
 * Says plainly what an ambiguous local time (it happens twice when clocks go back) will mean:
 * Lobby takes the first occurrence. Renders nothing for an ordinary time.
 */
export function AmbiguousTimeNote({
  date,
  time,
  zone,
}: {
  date: string;
  time: string;
  zone: string;
}) {
  if (!date || !time || !zone) return null;
  const resolved = resolveLocalTime(date, time, zone);
  if (!resolved.ok || !resolved.ambiguous) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      {time} on {date} happens twice in {zone.replaceAll("_", " ")} because the clocks go back.
      Lobby uses the first one (UTC{resolved.offset}), not the second (UTC
      {resolved.ambiguous.laterOffset}).
    </p>
  );
}
