import "server-only";
import type { EmployerSession } from "@/lib/auth/load-session";
import { executeOperation } from "@/lib/operations";
import type { ReadIndeedEvents } from "./gather";

/** Indeed's current view of events, read as the signed-in person (GetInterviews). */
export function indeedReaderFor(session: EmployerSession): ReadIndeedEvents {
  return async (ids) => {
    const data = await executeOperation(session, "GetInterviews", { ids });
    return data.virtualInterviewEvents?.events ?? [];
  };
}
