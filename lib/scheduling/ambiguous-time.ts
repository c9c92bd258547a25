import { resolveLocalTime } from "./time";

/**
 * What an ambiguous local time (it happens twice when clocks go back) will mean, said plainly:
 * Lobby takes the first occurrence. Undefined for an ordinary, incomplete or invalid time.
 */
export function ambiguousTimeNote(date: string, time: string, zone: string): string | undefined {
  if (!date || !time || !zone) return undefined;
  const resolved = resolveLocalTime(date, time, zone);
  if (!resolved.ok || !resolved.ambiguous) return undefined;
  return (
    `${time} on ${date} happens twice in ${zone.replaceAll("_", " ")} because the clocks go ` +
    `back. Lobby uses the first one (UTC${resolved.offset}), not the second (UTC` +
    `${resolved.ambiguous.laterOffset}).`
  );
}
