/** "Tue, Jan 15, 2030, 2:30 PM EST": a moment as people in the event's zone read it. */
export function localWhen(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: timezone,
    timeZoneName: "short",
  }).format(ms);
}
