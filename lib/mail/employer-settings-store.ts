import "server-only";
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { employerSettings, employers } from "@/lib/db/schema";
import type { EmployerSettings } from "./employer-settings";

/**
 * The employer's saved settings, or what a message uses before anyone saved them: the
 * employer's name as organizer, the acting recruiter's address for replies and contact.
 */
export async function loadEmployerSettings(
  db: Database | Transaction,
  employerId: string,
  fallbackAddress?: string | null,
): Promise<
  Omit<EmployerSettings, "dataRequestsContact"> & {
    employerName: string;
    dataRequestsContact: string | null;
    saved: boolean;
  }
> {
  const [row] = await db
    .select({ employerName: employers.name, settings: employerSettings })
    .from(employers)
    .leftJoin(employerSettings, eq(employerSettings.employerId, employers.id))
    .where(eq(employers.id, employerId))
    .limit(1);
  const employerName = row?.employerName ?? employerId;
  if (row?.settings) {
    const { organizerName, replyTo, contact, defaultLanguage, dataRequestsContact } = row.settings;
    return {
      employerName,
      organizerName,
      replyTo,
      contact,
      defaultLanguage,
      dataRequestsContact,
      saved: true,
    };
  }
  return {
    employerName,
    organizerName: employerName,
    replyTo: fallbackAddress ?? "",
    contact: fallbackAddress ?? "",
    defaultLanguage: "en",
    dataRequestsContact: null,
    saved: false,
  };
}

export async function saveEmployerSettings(
  db: Database,
  employerId: string,
  settings: EmployerSettings,
): Promise<void> {
  const now = new Date();
  // An empty data-requests contact means "use the contact": kept as null.
  const stored = { ...settings, dataRequestsContact: settings.dataRequestsContact || null };
  await db
    .insert(employerSettings)
    .values({ employerId, ...stored, updatedAt: now })
    .onConflictDoUpdate({
      target: employerSettings.employerId,
      set: { ...stored, updatedAt: now },
    });
}
