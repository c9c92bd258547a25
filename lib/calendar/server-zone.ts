import "server-only";
import type { Database } from "@/lib/db/client";
import { getEmployerDefaultTimezone } from "@/lib/scheduling/employer-timezone";
import { readViewerZoneCookie } from "./viewer-zone-cookie";

/**
 * The zone the server computes the calendar's range in (docs/decisions/0043): the viewer's, as
 * the browser recorded it in a cookie; before the first visit, the zone the employer schedules
 * in; UTC when neither is known. The browser checks it against its own and asks again when
 * they differ, so no time is shown in a wrong zone.
 */
export async function serverCalendarZone(
  database: Database,
  employerId: string,
  cookieValue: string | undefined,
): Promise<string> {
  return (
    readViewerZoneCookie(cookieValue) ??
    (await getEmployerDefaultTimezone(database, employerId)) ??
    "UTC"
  );
}
