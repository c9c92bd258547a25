"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assertEmployerAdmin } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { action, actionErrorMessage } from "@/lib/http/action";
import { AppError } from "@/lib/http/app-error";
import { executeOperation } from "@/lib/operations";
import {
  cancelUpcomingInterviews,
  ERASURE_CANCEL_REASON,
  upcomingInterviewsOf,
} from "@/lib/privacy/cancel-upcoming";
import {
  dataRequestIdSchema,
  dataRequestSchema,
  type DataRequestInput,
} from "@/lib/privacy/data-request-schema";
import { findDataRequest, recordDataRequest } from "@/lib/privacy/data-requests";
import { carryOutErasure } from "@/lib/privacy/erase";
import type { CancelResult, ErasureOutcome } from "@/lib/privacy/types";
import { interviewIdSchema } from "@/lib/security/route-ids";

export interface RecordRequestState {
  error?: string;
  fieldErrors?: Partial<Record<keyof DataRequestInput, string>>;
  /** What was sent, shown again when it was refused. */
  values?: { email: string; kind: string; receivedOn: string };
}

/** The form's fields as text; anything else posted is left out. */
function requestInput(form: FormData): { email: string; kind: string; receivedOn: string } {
  const text = (name: keyof DataRequestInput) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { email: text("email"), kind: text("kind"), receivedOn: text("receivedOn") };
}

/** Records a data request (checked with the data-request schema) and opens its page. */
export const recordDataRequestAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _state: RecordRequestState, form: FormData) => ({
      error: actionErrorMessage(error, requestId),
      values: requestInput(form),
    }),
  },
  async ({ session }, _state: RecordRequestState, form: FormData): Promise<RecordRequestState> => {
    const input = requestInput(form);
    const parsed = dataRequestSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: RecordRequestState["fieldErrors"] = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof DataRequestInput;
        fieldErrors[key] ??= issue.message;
      }
      return {
        error: "Some values were not accepted; check the highlighted fields",
        fieldErrors,
        values: input,
      };
    }
    const request = await recordDataRequest(db(), session, parsed.data);
    revalidatePath("/privacy/requests");
    redirect(`/privacy/requests/${request.id}`);
  },
);

async function openRequest(employerId: string, requestId: unknown) {
  const id = dataRequestIdSchema.safeParse(requestId);
  const request = id.success ? await findDataRequest(db(), employerId, id.data) : undefined;
  if (!request) throw new AppError("INVALID_REQUEST", "There is no such data request");
  return request;
}

export interface CancelState {
  error?: string;
  results?: CancelResult[];
}

const chosenEventsSchema = z
  .array(interviewIdSchema)
  .min(1, "Choose at least one interview")
  .max(100, "Choose at most 100 interviews");

/** Cancels the chosen upcoming interviews of an erasure request's job seeker at Indeed. */
export const cancelUpcomingAction = action(
  {
    auth: "employer",
    onError: (error, _context, _requestId: string, _eventIds: string[]): CancelState => ({
      error: error.message,
    }),
  },
  async (
    { session, requestId: logId },
    requestId: string,
    eventIds: string[],
  ): Promise<CancelState> => {
    const request = await openRequest(session.employer.id, requestId);
    if (request.kind !== "erasure" || !request.email)
      throw new AppError("INVALID_REQUEST", "Only an open erasure request cancels interviews");
    const chosen = chosenEventsSchema.safeParse(eventIds);
    if (!chosen.success) throw new AppError("BAD_USER_INPUT", chosen.error.issues[0]?.message);
    const upcoming = await upcomingInterviewsOf(db(), session.employer.id, request.email);
    const results = await cancelUpcomingInterviews(upcoming, chosen.data, async (eventId) => {
      await executeOperation(
        session,
        "CancelInterview",
        { input: { id: eventId } },
        { reason: ERASURE_CANCEL_REASON },
        { requestId: logId },
      );
    });
    revalidatePath(`/privacy/requests/${request.id}`);
    return { results };
  },
);

export interface ErasureState {
  error?: string;
  outcome?: ErasureOutcome;
}

/** Carries out an erasure request: an admin of the employer only. */
export const carryOutErasureAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _id: string): ErasureState => ({
      error: actionErrorMessage(error, requestId),
    }),
  },
  async ({ session }, requestId: string): Promise<ErasureState> => {
    await assertEmployerAdmin(session);
    const request = await openRequest(session.employer.id, requestId);
    const { outcome } = await carryOutErasure(db(), session, request.id);
    revalidatePath("/privacy/requests");
    revalidatePath(`/privacy/requests/${request.id}`);
    return { outcome };
  },
);
