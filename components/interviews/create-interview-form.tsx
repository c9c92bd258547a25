"use client";

import { useRouter } from "next/navigation";
import {
  useActionState,
  useEffect,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from "react";
import { buttonClassName } from "@/components/ui/button-class-name";
import { controlClassName } from "@/components/ui/control-class-name";
import { Field } from "@/components/ui/field";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";
import { Spinner } from "@/components/ui/spinner";
import { showToast } from "@/components/ui/toast";
import { clearCachedReads } from "@/lib/indeed/cached-reads";
import { postOperation } from "@/lib/indeed/post-operation";
import { IndeedRouteError } from "@/lib/indeed/route-error";
import type { CreateFormErrors, CreateFormState } from "@/lib/scheduling/create-form-check";
import { createFormFieldForPath } from "@/lib/scheduling/create-form-fields";
import type { CreateInterviewFormValues } from "@/lib/scheduling/interview-schemas";
import type { OperationResult } from "@/lib/scheduling/operations";
import { AmbiguousTimeMessage } from "./ambiguous-time-message";
import { applyRouteError } from "./apply-route-error";
import { EmailChipsInput } from "./email-chips-input";
import { FormRootError } from "./form-root-error";
import { preloadTimeZoneField, TimeZonePicker } from "./time-zone-picker";

interface Option {
  value: string;
  label: string;
  keywords?: string[];
}

export interface CreateInterviewFormProps {
  /** The page's server action (interviews/new/actions.ts). */
  action: (state: CreateFormState, form: FormData) => Promise<CreateFormState>;
  defaults: CreateInterviewFormValues;
  /** One attempt id per form: a create sent again after "not found" is the same attempt. */
  attemptId: string;
  /** The employer's last zone; when false the browser's zone is used. */
  hasEmployerTimezone: boolean;
  self: { email: string | null; name: string | null };
  maxInterviewers: number;
  /** Lobby's id of the application the interview is for. */
  applicationId?: string;
  /** Job context when the form is opened from another ATS page without an application. */
  jobTitle?: string;
  timeZones: Option[];
  languages: Option[];
  countries: Option[];
}

const LENGTHS = [
  { minutes: 30, label: "30 min" },
  { minutes: 45, label: "45 min" },
  { minutes: 60, label: "1 hour" },
  { minutes: 90, label: "90 min" },
];

const CONTROL = `${controlClassName} h-10`;

const subscribeToNothing = () => () => undefined;

/**
 * The create form (ADR 0087). Its server action checks it with the form's schema, on blur and
 * before sending, and answers each field's message; the form then sends one CreateInterview
 * through the GraphQL route, maps Indeed's field errors back to fields and opens the new event.
 * When Indeed may have made the interview without saying so (OUTCOME_UNKNOWN), it checks with
 * Indeed under the same attempt id before it offers to schedule again (issue 13). Without
 * JavaScript the form posts to the same action, which schedules it.
 */
export function CreateInterviewForm({
  action,
  defaults,
  attemptId: attemptIdFromPage,
  hasEmployerTimezone,
  self,
  maxInterviewers,
  applicationId,
  jobTitle,
  timeZones,
  languages,
  countries,
}: CreateInterviewFormProps) {
  const router = useRouter();
  // Kept from the first render: the page may render again (a new id) after an action.
  const [attemptId] = useState(attemptIdFromPage);
  // The answer to a post without JavaScript; with it, the handlers below keep the state.
  const [posted, formAction] = useActionState(action, {});
  const values = posted.values ?? defaults;
  const [errors, setErrors] = useState<CreateFormErrors>(posted.fieldErrors ?? {});
  const [note, setNote] = useState(posted.note);
  // Without an employer default, start from the browser's zone (under its current name).
  const browserZone = useSyncExternalStore(
    subscribeToNothing,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const [chosenZone, setZone] = useState<string | null>(null);
  const zone =
    chosenZone ??
    (hasEmployerTimezone || posted.values || !browserZone
      ? values.timezone
      : (timeZones.find(
          (option) => option.value === browserZone || option.keywords?.includes(browserZone),
        )?.value ?? values.timezone));
  const [interviewers, setInterviewers] = useState(values.interviewers);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);

  const form = useRef<HTMLFormElement>(null);
  // Errors show for fields the user has left once, and for all after a press of Schedule.
  const touched = useRef(new Set<string>());
  const submitted = useRef(posted.fieldErrors !== undefined);
  const checks = useRef(0);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  // One event per press, even on a double-click: the ref flips before React re-renders.
  const submitting = useRef(false);
  // A check asked for with a change that hidden inputs carry (zone, chips), run by the effect
  // of the render that shows the change. A count in state, not a flag in a ref: an earlier
  // render's effect still pending when the change is made must not take the ask and read the
  // form before the change is in it.
  const [checksAsked, askForCheck] = useReducer((count: number) => count + 1, 0);
  const checksRun = useRef(0);
  const focusFirstError = useRef(false);

  function formData(intent: string): FormData {
    const data = new FormData(form.current!);
    // With JavaScript an address becomes a chip when the box is left; half-typed is not meant.
    data.delete("interviewersDraft");
    data.set("intent", intent);
    return data;
  }

  /** Asks the server action to check the form; a later check's answer replaces an earlier one. */
  async function check(): Promise<CreateFormState | undefined> {
    const id = ++checks.current;
    const answer = await action({}, formData("check"));
    if (id !== checks.current) return undefined;
    setNote(answer.note);
    const shown: CreateFormErrors = {};
    for (const [field, message] of Object.entries(answer.fieldErrors ?? {}))
      if (submitted.current || touched.current.has(field))
        shown[field as keyof CreateFormErrors] = message;
    setErrors(shown);
    return answer;
  }

  // State the hidden inputs carry (zone, chips) is in the form once rendered: check then.
  useEffect(() => {
    if (checksRun.current !== checksAsked) {
      checksRun.current = checksAsked;
      void check();
    }
    if (focusFirstError.current) {
      focusFirstError.current = false;
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  });

  function touch(...fields: string[]) {
    for (const field of fields) touched.current.add(field);
  }

  function onBlur(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (!(name in defaults) || name === "interviewers" || submitting.current) return;
    touch(name);
    void check();
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (!(name in defaults) || submitting.current) return;
    // The ambiguity note follows the start as it is typed; errors once a field was left.
    clearTimeout(typing.current);
    typing.current = setTimeout(() => void check(), 300);
  }

  async function setLength(minutes: number) {
    const data = formData("length");
    data.set("minutes", String(minutes));
    const { end } = await action({}, data);
    if (!end || !form.current) return;
    const fields = form.current.elements;
    (fields.namedItem("endDate") as HTMLInputElement).value = end.endDate;
    (fields.namedItem("endTime") as HTMLInputElement).value = end.endTime;
    touch("endDate", "endTime");
    void check();
  }

  function opened(eventId: string, title: string) {
    setDone(true);
    showToast({
      title: "Interview scheduled",
      description: `${title} is on Indeed.`,
      tone: "success",
    });
    // Reads the tab cached (the calendar's) no longer hold; this page carries no react-query.
    clearCachedReads();
    router.push(`/interviews/${encodeURIComponent(eventId)}`);
  }

  function refused(fieldErrors: CreateFormErrors) {
    submitting.current = false;
    setSending(false);
    setChecking(null);
    setErrors(fieldErrors);
    focusFirstError.current = true;
  }

  /** `refusal`: what the route said, shown when there is no check of this form's own to run. */
  async function checkWithIndeed(title: string, refusal: string) {
    setChecking("Checking with Indeed whether the interview was created…");
    try {
      // The confirmation reader (and its zod) loads only when a create went unconfirmed.
      const { confirmCreate } = await import("@/lib/scheduling/reconcile-pending-client");
      const answer = await confirmCreate(attemptId, { onPending: setChecking });
      if (answer.state === "confirmed") return opened(answer.eventId, title);
      refused({
        root:
          answer.state === "pending"
            ? `${answer.message} Reload the page later to see whether it was created.`
            : answer.state === "failed"
              ? refusal
              : answer.message,
      });
    } catch {
      refused({ root: `${refusal} Reload the page later to see whether it was created.` });
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    submitted.current = true;
    clearTimeout(typing.current);
    setSending(true);
    const title = (form.current?.elements.namedItem("title") as HTMLInputElement).value;
    let answer: CreateFormState | undefined;
    try {
      answer = await check();
    } catch {
      return refused({
        root: "Lobby could not be reached; check your connection. Your entries are still here.",
      });
    }
    if (!answer?.variables) return refused(answer?.fieldErrors ?? {});
    try {
      const data = (await postOperation(
        "CreateInterview",
        answer.variables,
        applicationId ? { applicationId, attemptId } : { attemptId },
      )) as OperationResult<"CreateInterview">;
      const created = data.createVirtualInterviewEvent?.event;
      if (!created?.id) throw new Error("Indeed did not return the new interview");
      opened(created.id, created.title ?? title);
    } catch (error) {
      if (error instanceof IndeedRouteError && error.code === "OUTCOME_UNKNOWN")
        return checkWithIndeed(title, error.message);
      const fieldErrors: CreateFormErrors = {};
      applyRouteError<CreateInterviewFormValues>(
        error,
        (field, { message }) => (fieldErrors[field as keyof CreateFormErrors] = message),
        createFormFieldForPath,
      );
      refused(fieldErrors);
    }
  }

  const busy = sending || done || checking !== null;
  const text = (
    name:
      | "title"
      | "intervieweeName"
      | "intervieweeEmail"
      | "date"
      | "startTime"
      | "endDate"
      | "endTime",
    label: string,
    {
      type = "text",
      required = false,
      description,
    }: { type?: string; required?: boolean; description?: string } = {},
  ) => {
    const ids = fieldIds(`create-${name}`, { description, error: errors[name], required });
    return (
      <FieldFrame ids={ids} label={label} description={description} error={errors[name]}>
        <input
          {...fieldControlProps(ids)}
          name={name}
          type={type}
          defaultValue={values[name]}
          autoComplete="off"
          className={CONTROL}
        />
      </FieldFrame>
    );
  };
  const choice = (
    name: "languageCode" | "countryCode",
    label: string,
    description: string,
    options: Option[],
  ) => {
    const ids = fieldIds(`create-${name}`, { description, error: errors[name] });
    return (
      <FieldFrame ids={ids} label={label} description={description} error={errors[name]}>
        <select
          {...fieldControlProps(ids)}
          name={name}
          defaultValue={values[name]}
          className={CONTROL}
        >
          <option value="">Indeed&apos;s default</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldFrame>
    );
  };

  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => void onSubmit(event)}
      onBlur={onBlur}
      onChange={onChange}
      onFocus={() => void preloadTimeZoneField()}
      noValidate
      aria-describedby="create-form-help"
      className="space-y-8"
    >
      <p id="create-form-help" className="text-sm text-slate-700">
        Indeed sends every interviewer an invitation with the interviewer lobby link. Fields marked
        * are required.
      </p>
      <input type="hidden" name="attemptId" value={attemptId} />
      {applicationId && <input type="hidden" name="applicationId" value={applicationId} />}
      {jobTitle && <input type="hidden" name="jobTitle" value={jobTitle} />}

      {text("title", "Title", { required: true })}

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">When</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("date", "Date", { type: "date", required: true })}
          {text("startTime", "Start time", { type: "time", required: true })}
          {text("endDate", "End date", {
            type: "date",
            description: "Change it only for an interview that ends on a later day.",
          })}
          {text("endTime", "End time", { type: "time", required: true })}
        </div>
        <div role="group" aria-label="Set the length" className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700" aria-hidden="true">
            Length:
          </span>
          {LENGTHS.map((length) => (
            <button
              key={length.minutes}
              type="button"
              onClick={() => void setLength(length.minutes)}
              className={buttonClassName({ variant: "outline", size: "sm" })}
            >
              <span className="sr-only">Make it </span>
              {length.label}
            </button>
          ))}
        </div>
        <AmbiguousTimeMessage message={note} />
        <TimeZonePicker
          id="create-timezone"
          name="timezone"
          label="Time zone"
          description="The times above are in this zone. Lobby remembers your choice for next time."
          error={errors.timezone}
          options={timeZones}
          value={zone}
          onValueChange={(next) => {
            setZone(next);
            touch("timezone", "startTime", "endTime");
            askForCheck();
          }}
          onBlur={() => {
            if (submitting.current) return;
            touch("timezone");
            void check();
          }}
        />
      </fieldset>

      <Field
        id="create-interviewers"
        label="Interviewers"
        description={`Type an email and press Enter. Indeed adds you automatically. ${interviewers.length + (self.email ? 1 : 0)} of ${maxInterviewers}, you included.`}
        error={errors.interviewers}
      >
        <EmailChipsInput
          name="interviewers"
          value={interviewers}
          onChange={(emails) => {
            setInterviewers(emails);
            touch("interviewers");
            askForCheck();
          }}
          onBlur={() => {
            if (!touched.current.has("interviewers") || submitting.current) return;
            void check();
          }}
          fixed={self.email ? { email: self.email, label: `You (${self.email})` } : undefined}
        />
      </Field>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Interviewee</legend>
        <p className="text-sm text-slate-700">
          Optional. Indeed emails the interviewee a reminder with their own lobby link shortly
          before the interview. You can add them later, once.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text("intervieweeName", "Interviewee name")}
          {text("intervieweeEmail", "Interviewee email", { type: "email" })}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        {choice("languageCode", "Language", "Optional: the lobby's language.", languages)}
        {choice("countryCode", "Country", "Optional.", countries)}
      </div>

      <FormRootError message={checking ? undefined : errors.root} />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {checking}
      </p>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          name="intent"
          value="schedule"
          disabled={busy}
          aria-busy={busy || undefined}
          className={buttonClassName({ size: "lg" })}
        >
          {busy && <Spinner />}
          {checking ? "Checking with Indeed…" : busy ? "Scheduling…" : "Schedule interview"}
        </button>
        <button
          type="button"
          onClick={() => router.back()}
          disabled={busy}
          className={buttonClassName({ variant: "ghost", size: "lg" })}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
