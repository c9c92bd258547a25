import "server-only";
import type { Database } from "@/lib/db/client";
import { getEmployerDefaultTimezone } from "@/lib/scheduling/employer-timezone";
import { readViewerZoneCookie } from "./viewer-zone-cookie";

/** Where the server's zone came from: the page states it when it is not the viewer's own. */
export type ServerZoneSource = "viewer" | "employer" | "utc";

/**
 * The zone the server computes the calendar's range in (docs/decisions/0043, 0089): the
 * viewer's, as the browser recorded it in a cookie; before the first visit, the zone the
 * employer schedules in; UTC when neither is known. The calendar states it, and the browser
 * records its own and asks for the page again when they differ.
 */
export async function serverCalendarZoneWithSource(
  database: Database,
  employerId: string,
  cookieValue: string | undefined,
): Promise<{ zone: string; source: ServerZoneSource }> {
  const viewer = readViewerZoneCookie(cookieValue);
  if (viewer) return { zone: viewer, source: "viewer" };
  const employer = await getEmployerDefaultTimezone(database, employerId);
  return employer ? { zone: employer, source: "employer" } : { zone: "UTC", source: "utc" };
}

export async function serverCalendarZone(
  database: Database,
  employerId: string,
  cookieValue: string | undefined,
): Promise<string> {
  return (await serverCalendarZoneWithSource(database, employerId, cookieValue)).zone;
}
