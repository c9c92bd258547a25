"use server";

import { redirect } from "next/navigation";
import { addEmails } from "@/components/interviews/add-emails";
import { findApplication } from "@/lib/ats/application-queries";
import type { EmployerSession } from "@/lib/auth/load-session";
import { db } from "@/lib/db/client";
import { action } from "@/lib/http/action";
import { AppError } from "@/lib/http/app-error";
import { executeOperation } from "@/lib/operations";
import {
  checkCreateForm,
  createFormValuesFrom,
  endAfter,
  type CreateFormState,
} from "@/lib/scheduling/create-form-check";
import { createFormFieldErrors } from "@/lib/scheduling/create-form-fields";
import type { CreateInterviewFormOptions } from "@/lib/scheduling/interview-schemas";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** The schema's options from the server's own records: who is signed in, and the application's job. */
async function formContext(session: EmployerSession, form: FormData) {
  const key = text(form, "applicationId");
  const application = key ? await findApplication(db(), session.employer.id, key) : undefined;
  const jobTitle = text(form, "jobTitle").slice(0, 200);
  const options: CreateInterviewFormOptions = {
    selfEmail: session.user.email,
    job: application
      ? { externalId: application.job.externalId, title: application.job.title }
      : jobTitle
        ? { title: jobTitle }
        : undefined,
  };
  return { options, applicationId: application?.id };
}

/**
 * The create form's one server action. `intent` says what is asked: `check` (the form with
 * JavaScript, on blur and before it sends CreateInterview through the GraphQL route itself),
 * `length` (the end a length button sets), or `schedule` (the form posted without JavaScript:
 * checked, then created here, then the new event opened).
 */
export const createInterviewFormAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _state: CreateFormState, form: FormData) => ({
      values: createFormValuesFrom(form),
      fieldErrors: {
        root:
          error.code === "INTERNAL_ERROR"
            ? `${error.message} (request ${requestId})`
            : `${error.message}. Your entries are still here.`,
      },
    }),
  },
  async (
    { session, requestId },
    _state: CreateFormState,
    form: FormData,
  ): Promise<CreateFormState> => {
    const values = createFormValuesFrom(form);
    const intent = text(form, "intent");
    if (intent === "length") return { end: endAfter(values, Number(text(form, "minutes"))) };

    // Without JavaScript an address typed but not yet a chip is still meant.
    values.interviewers = addEmails(values.interviewers, text(form, "interviewersDraft")).emails;
    const { options, applicationId } = await formContext(session, form);
    const check = checkCreateForm(values, options);
    if (intent === "check" || !check.variables) return { ...check, values };

    let eventId: string | undefined;
    try {
      const data = await executeOperation(
        session,
        "CreateInterview",
        check.variables,
        { ...(applicationId ? { applicationId } : {}), attemptId: text(form, "attemptId") },
        { requestId },
      );
      eventId = data.createVirtualInterviewEvent?.event?.id;
    } catch (error) {
      const fieldErrors =
        error instanceof AppError ? createFormFieldErrors(error.fieldErrors ?? {}) : {};
      if (Object.keys(fieldErrors).length === 0) throw error;
      return { values, fieldErrors, note: check.note };
    }
    if (!eventId)
      throw new AppError("INDEED_UNAVAILABLE", "Indeed did not return the new interview");
    redirect(`/interviews/${encodeURIComponent(eventId)}`);
  },
);
