import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { employerSettings, employers } from "@/lib/db/schema";

/** `/privacy?employer=…`: an employer id as Indeed gives them, else ignored. */
export const employerParamSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/);

/**
 * Where a job seeker sends a data request to this employer: the settings' data-requests
 * contact, else the contact shown in every message; null when the employer saved neither (or
 * is unknown).
 */
export async function dataRequestContact(
  db: Database,
  employerId: string,
): Promise<{ employerName: string; contact: string | null } | null> {
  const [row] = await db
    .select({
      employerName: employers.name,
      dataRequestsContact: employerSettings.dataRequestsContact,
      contact: employerSettings.contact,
    })
    .from(employers)
    .leftJoin(employerSettings, eq(employerSettings.employerId, employers.id))
    .where(eq(employers.id, employerId))
    .limit(1);
  if (!row) return null;
  return { employerName: row.employerName, contact: row.dataRequestsContact ?? row.contact };
}
