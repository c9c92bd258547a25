import "server-only";
import type { EmployerSession } from "@/lib/auth/load-session";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { dataRequestIdSchema } from "./data-request-schema";
import { findDataRequest, recordExportDownloaded } from "./data-requests";
import { gatherPersonalData, type ReadIndeedEvents } from "./gather";
import type { PersonalData } from "./types";

/**
 * A request's data for the export route and the report page: the employer's own request only
 * (another employer's id is "no such request"), with its address still kept.
 */
export async function personalDataForRequest(
  db: Database,
  session: EmployerSession,
  requestId: unknown,
  readIndeed: ReadIndeedEvents,
): Promise<PersonalData> {
  const id = dataRequestIdSchema.safeParse(requestId);
  const request = id.success ? await findDataRequest(db, session.employer.id, id.data) : undefined;
  if (!request) throw new AppError("INVALID_REQUEST", "There is no such data request");
  if (!request.email)
    throw new AppError(
      "INVALID_REQUEST",
      "This job seeker's data was erased; nothing is left to export",
    );
  return gatherPersonalData(db, session.employer, { ...request, email: request.email }, readIndeed);
}

/** The JSON export: the data, audited as downloaded (which answers an access request). */
export async function exportPersonalData(
  db: Database,
  session: EmployerSession,
  requestId: unknown,
  readIndeed: ReadIndeedEvents,
): Promise<{ json: string; fileName: string }> {
  const data = await personalDataForRequest(db, session, requestId, readIndeed);
  const request = (await findDataRequest(db, session.employer.id, data.request.id))!;
  await recordExportDownloaded(db, session, request, "json");
  return {
    json: JSON.stringify(data, null, 2),
    fileName: `lobby-data-request-${data.request.id}.json`,
  };
}
