"use client";

import { ambiguousTimeNote } from "@/lib/scheduling/ambiguous-time";
import { AmbiguousTimeMessage } from "./ambiguous-time-message";

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
  return <AmbiguousTimeMessage message={ambiguousTimeNote(date, time, zone)} />;
}
