"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useIndeedMutation } from "@/lib/scheduling/operations/hooks";
import {
  createFormFieldForPath,
  createInterviewFormSchema,
  createVariablesFrom,
  uniqueEmails,
  type CreateInterviewFormValues,
} from "@/lib/scheduling/interview-schemas";
import { confirmCreate } from "@/lib/scheduling/reconcile-pending-client";
import { MAX_INTERVIEWERS } from "@/lib/scheduling/rules";
import { currentZoneName, resolveLocalTime, toLocalParts } from "@/lib/scheduling/time";
import { IndeedRouteError } from "@/lib/indeed/route-error";
import { applyRouteError } from "./apply-route-error";
import { EmailChipsInput } from "./email-chips-input";
import { FormRootError } from "./form-root-error";
import { AmbiguousTimeNote } from "./time-zone-note";

export interface CreateInterviewFormProps {
  defaults: CreateInterviewFormValues;
  /** The employer's last zone; when null the browser's zone is used. */
  hasEmployerTimezone: boolean;
  self: { email: string | null; name: string | null };
  application?: { id: string; job: { externalId: string; title: string } };
  /** Job context when the form is opened from another ATS page without an application. */
  jobTitle?: string;
  timeZones: ComboboxOption[];
  languages: ComboboxOption[];
  countries: ComboboxOption[];
}

const DURATIONS = [
  { minutes: 30, label: "30 min" },
  { minutes: 45, label: "45 min" },
  { minutes: 60, label: "1 hour" },
  { minutes: 90, label: "90 min" },
];

/**
 * The create form: validates as the user types (one schema shared with the server), sends
 * one CreateInterview, maps Indeed's field errors back to fields, and opens the new event.
 * When Indeed may have made the interview without saying so (OUTCOME_UNKNOWN), it checks with
 * Indeed under the same attempt id before it offers to schedule again (issue 13).
 */
export function CreateInterviewForm({
  defaults,
  hasEmployerTimezone,
  self,
  application,
  jobTitle,
  timeZones,
  languages,
  countries,
}: CreateInterviewFormProps) {
  const router = useRouter();
  const { toast } = useToast();
  const options = useMemo(
    () => ({
      selfEmail: self.email,
      job: application ? application.job : jobTitle ? { title: jobTitle } : undefined,
    }),
    [self.email, application, jobTitle],
  );
  const schema = useMemo(() => createInterviewFormSchema(options), [options]);
  const form = useForm<CreateInterviewFormValues>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: defaults,
  });
  const { register, control, handleSubmit, formState, setError, setValue } = form;
  const errors = formState.errors;

  // Without an employer default, start from the browser's zone.
  useEffect(() => {
    if (hasEmployerTimezone) return;
    const browserZone = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (browserZone && timeZones.some((zone) => zone.value === browserZone))
      setValue("timezone", browserZone);
  }, [hasEmployerTimezone, setValue, timeZones]);

  const mutation = useIndeedMutation("CreateInterview");
  // One event per press, even on a double-click: the ref flips before React re-renders.
  const submitting = useRef(false);
  const [done, setDone] = useState(false);
  // One attempt id per form: a create sent again after "not found" is the same attempt.
  const [attemptId] = useState(() => crypto.randomUUID());
  const [checking, setChecking] = useState<string | null>(null);

  function opened(eventId: string, title: string) {
    setDone(true);
    toast({ title: "Interview scheduled", description: `${title} is on Indeed.`, tone: "success" });
    router.push(`/interviews/${encodeURIComponent(eventId)}`);
  }

  /** `refusal`: what the route said, shown when there is no check of this form's own to run. */
  async function checkWithIndeed(title: string, refusal: string) {
    setChecking("Checking with Indeed whether the interview was created…");
    const answer = await confirmCreate(attemptId, { onPending: (message) => setChecking(message) });
    setChecking(null);
    if (answer.state === "confirmed") return opened(answer.eventId, title);
    submitting.current = false;
    setError("root", {
      type: "server",
      message:
        answer.state === "pending"
          ? `${answer.message} Reload the page later to see whether it was created.`
          : answer.state === "failed"
            ? refusal
            : answer.message,
    });
  }

  async function submit(values: CreateInterviewFormValues) {
    if (submitting.current) return;
    submitting.current = true;
    try {
      const data = await mutation.mutateAsync({
        variables: createVariablesFrom(values, options),
        context: application ? { applicationId: application.id, attemptId } : { attemptId },
      });
      const event = data.createVirtualInterviewEvent?.event;
      if (!event?.id) throw new Error("Indeed did not return the new interview");
      opened(event.id, event.title ?? values.title);
    } catch (error) {
      if (error instanceof IndeedRouteError && error.code === "OUTCOME_UNKNOWN")
        return checkWithIndeed(values.title, error.message);
      submitting.current = false;
      applyRouteError(error, setError, createFormFieldForPath);
    }
  }

  const [date, startTime, timezone, interviewers] = useWatch({
    control,
    name: ["date", "startTime", "timezone", "interviewers"],
  });
  const totalInterviewers =
    uniqueEmails(interviewers ?? [], self.email).length + (self.email ? 1 : 0);
  const busy = mutation.isPending || done || checking !== null;

  function setDuration(minutes: number) {
    const start = resolveLocalTime(date, startTime, timezone);
    if (!start.ok) return;
    const end = toLocalParts(new Date(start.instant.getTime() + minutes * 60_000), timezone);
    setValue("endDate", end.date, { shouldValidate: true, shouldTouch: true });
    setValue("endTime", end.time, { shouldValidate: true, shouldTouch: true });
  }

  // Inputs also carry their defaults as markup (defaultValue), so the server-rendered form is
  // filled in before react-hook-form hydrates.
  return (
    <form
      onSubmit={(event) => void handleSubmit(submit)(event)}
      noValidate
      aria-describedby="create-form-help"
      className="space-y-8"
    >
      <p id="create-form-help" className="text-sm text-slate-700">
        Indeed sends every interviewer an invitation with the interviewer lobby link. Fields marked
        * are required.
      </p>

      <Field label="Title" required error={errors.title?.message}>
        <Input {...register("title")} defaultValue={defaults.title} autoComplete="off" />
      </Field>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">When</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Date" required error={errors.date?.message}>
            <Input
              type="date"
              {...register("date", { deps: ["startTime", "endTime"] })}
              defaultValue={defaults.date}
            />
          </Field>
          <Field label="Start time" required error={errors.startTime?.message}>
            <Input
              type="time"
              {...register("startTime", { deps: ["endTime"] })}
              defaultValue={defaults.startTime}
            />
          </Field>
          <Field
            label="End date"
            description="Change it only for an interview that ends on a later day."
            error={errors.endDate?.message}
          >
            <Input
              type="date"
              {...register("endDate", { deps: ["endTime"] })}
              defaultValue={defaults.endDate}
            />
          </Field>
          <Field label="End time" required error={errors.endTime?.message}>
            <Input
              type="time"
              {...register("endTime", { deps: ["startTime"] })}
              defaultValue={defaults.endTime}
            />
          </Field>
        </div>
        <div role="group" aria-label="Set the length" className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-700" aria-hidden="true">
            Length:
          </span>
          {DURATIONS.map((duration) => (
            <Button
              key={duration.minutes}
              variant="outline"
              size="sm"
              onClick={() => setDuration(duration.minutes)}
            >
              <span className="sr-only">Make it </span>
              {duration.label}
            </Button>
          ))}
        </div>
        <AmbiguousTimeNote date={date} time={startTime} zone={timezone} />
        <Controller
          control={control}
          name="timezone"
          render={({ field }) => (
            <Field
              label="Time zone"
              required
              description="The times above are in this zone. Lobby remembers your choice for next time."
              error={errors.timezone?.message}
            >
              <Combobox
                ref={field.ref}
                options={timeZones}
                value={field.value}
                onValueChange={(value) => {
                  field.onChange(value ?? "");
                  void form.trigger(["timezone", "startTime", "endTime"]);
                }}
                onBlur={field.onBlur}
                placeholder="Pick a time zone"
                searchPlaceholder="Search time zones"
              />
            </Field>
          )}
        />
      </fieldset>

      <Controller
        control={control}
        name="interviewers"
        render={({ field }) => (
          <Field
            label="Interviewers"
            description={`Type an email and press Enter. Indeed adds you automatically. ${totalInterviewers} of ${MAX_INTERVIEWERS}, you included.`}
            error={errors.interviewers?.message}
          >
            <EmailChipsInput
              ref={field.ref}
              value={field.value}
              onChange={(emails) => {
                field.onChange(emails);
                void form.trigger("interviewers");
              }}
              onBlur={field.onBlur}
              fixed={self.email ? { email: self.email, label: `You (${self.email})` } : undefined}
            />
          </Field>
        )}
      />

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Interviewee</legend>
        <p className="text-sm text-slate-700">
          Optional. Indeed emails the interviewee a reminder with their own lobby link shortly
          before the interview. You can add them later, once.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Interviewee name" error={errors.intervieweeName?.message}>
            <Input
              {...register("intervieweeName", { deps: ["intervieweeEmail"] })}
              defaultValue={defaults.intervieweeName}
              autoComplete="off"
            />
          </Field>
          <Field label="Interviewee email" error={errors.intervieweeEmail?.message}>
            <Input
              type="email"
              {...register("intervieweeEmail", { deps: ["intervieweeName"] })}
              defaultValue={defaults.intervieweeEmail}
              autoComplete="off"
            />
          </Field>
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="languageCode"
          render={({ field }) => (
            <Field
              label="Language"
              description="Optional: the lobby's language."
              error={errors.languageCode?.message}
            >
              <Combobox
                ref={field.ref}
                options={languages}
                value={field.value || undefined}
                onValueChange={(value) => field.onChange(value ?? "")}
                onBlur={field.onBlur}
                clearable
                placeholder="Indeed's default"
                searchPlaceholder="Search languages"
              />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="countryCode"
          render={({ field }) => (
            <Field label="Country" description="Optional." error={errors.countryCode?.message}>
              <Combobox
                ref={field.ref}
                options={countries}
                value={field.value || undefined}
                onValueChange={(value) => field.onChange(value ?? "")}
                onBlur={field.onBlur}
                clearable
                placeholder="Indeed's default"
                searchPlaceholder="Search countries"
              />
            </Field>
          )}
        />
      </div>

      <FormRootError message={checking ? undefined : errors.root?.message} />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {checking}
      </p>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" loading={busy} disabled={busy}>
          {checking ? "Checking with Indeed…" : busy ? "Scheduling…" : "Schedule interview"}
        </Button>
        <Button variant="ghost" size="lg" onClick={() => router.back()} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
