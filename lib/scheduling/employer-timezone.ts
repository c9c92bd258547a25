import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { employers } from "@/lib/db/schema";
import { isTimeZone } from "./rules";

/** The zone the employer chose last when scheduling (updated by each create), if still valid. */
export async function getEmployerDefaultTimezone(
  database: Database,
  employerId: string,
): Promise<string | null> {
  const [row] = await database
    .select({ zone: employers.defaultTimezone })
    .from(employers)
    .where(eq(employers.id, employerId))
    .limit(1);
  return row?.zone && isTimeZone(row.zone) ? row.zone : null;
}
