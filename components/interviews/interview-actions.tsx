"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState, type BaseSyntheticEvent, type ReactNode } from "react";
import {
  Controller,
  useForm,
  useWatch,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import {
  ConfirmDialog,
  Dialog,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useIndeedMutation } from "@/lib/scheduling/operations/hooks";
import {
  addIntervieweeFormSchema,
  addInterviewersFormSchema,
  cancelFormSchema,
  rescheduleFormSchema,
  rescheduleVariablesFrom,
  setTimezoneFormSchema,
  setTitleFormSchema,
  uniqueEmails,
  type RescheduleFormValues,
} from "@/lib/scheduling/interview-schemas";
import { MAX_CANCEL_REASON_LENGTH, MAX_INTERVIEWERS } from "@/lib/scheduling/rules";
import { applyRouteError, lastSegment } from "./apply-route-error";
import { EmailChipsInput } from "./email-chips-input";
import { FormRootError } from "./form-root-error";
import { AmbiguousTimeNote } from "./time-zone-note";

export interface InterviewActionsProps {
  eventId: string;
  title: string;
  timezone: string;
  /** The current start and end as wall-clock parts in the event's zone. */
  localSpan: RescheduleFormValues;
  interviewerEmails: string[];
  hasInterviewee: boolean;
  timeZones: ComboboxOption[];
}

/**
 * The changes an event allows, one per dialog because Indeed's update takes one kind of change
 * per request. Each refreshes the page's server data and says what happened in a toast.
 */
export function InterviewActions(props: InterviewActionsProps) {
  return (
    <div role="group" aria-label="Change this interview" className="flex flex-wrap gap-2">
      <RescheduleDialog {...props} />
      <AddInterviewersDialog {...props} />
      {!props.hasInterviewee && <AddIntervieweeDialog {...props} />}
      <SetTitleDialog {...props} />
      <SetTimezoneDialog {...props} />
      <CancelInterviewDialog {...props} />
    </div>
  );
}

interface ChangeOptions<Values extends FieldValues> {
  resolver: Resolver<Values>;
  /** The form's values when the dialog opens: the event's current ones, or empty. */
  defaultValues: DefaultValues<Values>;
  mode?: "onTouched" | "onChange";
  /** Whether opening the dialog starts again from `defaultValues` or keeps the last entries. */
  resetOnOpen?: boolean;
  /** The toast shown when Indeed accepts the change. */
  successTitle: string;
  /** Sends the change to Indeed (the dialog's mutation). */
  send: (values: Values) => Promise<unknown>;
  /** The field an Indeed field error (keyed by variable path) belongs to; others show as the root error. */
  fieldFor: (path: string) => Path<Values> | undefined;
}

/**
 * One change's form, open state and submit: sends once at a time; on success closes, toasts and
 * refreshes the page's server data; on failure shows the error at its field or the form's root.
 */
function useChange<Values extends FieldValues>({
  resolver,
  defaultValues,
  mode = "onTouched",
  resetOnOpen = true,
  successTitle,
  send,
  fieldFor,
}: ChangeOptions<Values>) {
  const form = useForm<Values>({ resolver, mode, defaultValues });
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const router = useRouter();
  const { toast } = useToast();
  return {
    form,
    open,
    setOpen,
    pending,
    onOpenChange(next: boolean) {
      if (next && resetOnOpen) form.reset(defaultValues);
      setOpen(next);
    },
    /** The form's submit handler: validates, then sends once at a time. */
    submit(event?: BaseSyntheticEvent) {
      return form.handleSubmit(async (values) => {
        if (inFlight.current) return;
        inFlight.current = true;
        setPending(true);
        try {
          await send(values);
          setOpen(false);
          toast({ title: successTitle, tone: "success" });
          router.refresh();
        } catch (error) {
          applyRouteError(error, form.setError, fieldFor);
        } finally {
          inFlight.current = false;
          setPending(false);
        }
      })(event);
    },
  };
}

type Change<Values extends FieldValues> = ReturnType<typeof useChange<Values>>;

/** Maps an error path to the field named by its last segment, if it is one of `fields`. */
function lastSegmentIn<Field extends string>(...fields: Field[]) {
  return (path: string): Field | undefined => fields.find((field) => field === lastSegment(path));
}

/** The dialog of one change: its trigger, the form with its fields, the root error and submit. */
function ChangeFormDialog<Values extends FieldValues>({
  change,
  label,
  title,
  description,
  submitLabel,
  children,
}: {
  change: Change<Values>;
  label: string;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={change.open} onOpenChange={change.onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">{label}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form noValidate className="space-y-4" onSubmit={change.submit}>
          {children}
          <FormRootError message={change.form.formState.errors.root?.message} />
          <DialogFooter>
            <Button type="submit" loading={change.pending}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RescheduleDialog({ eventId, timezone, localSpan }: InterviewActionsProps) {
  const mutation = useIndeedMutation("RescheduleInterview");
  const change = useChange<RescheduleFormValues>({
    resolver: zodResolver(rescheduleFormSchema(eventId, timezone)),
    defaultValues: localSpan,
    successTitle: "Interview rescheduled",
    send: (values) =>
      mutation.mutateAsync({ variables: rescheduleVariablesFrom(eventId, timezone, values) }),
    fieldFor: lastSegmentIn("startTime", "endTime"),
  });
  const { form } = change;
  const { errors } = form.formState;
  const [date, startTime] = useWatch({ control: form.control, name: ["date", "startTime"] });
  return (
    <ChangeFormDialog
      change={change}
      label="Reschedule"
      title="Reschedule the interview"
      description={`Times are in the interview's time zone, ${timezone.replaceAll("_", " ")}. Indeed tells every interviewer.`}
      submitLabel="Reschedule"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Date" required error={errors.date?.message}>
          <Input type="date" {...form.register("date", { deps: ["startTime", "endTime"] })} />
        </Field>
        <Field label="Start time" required error={errors.startTime?.message}>
          <Input type="time" {...form.register("startTime", { deps: ["endTime"] })} />
        </Field>
        <Field label="End date" error={errors.endDate?.message}>
          <Input type="date" {...form.register("endDate", { deps: ["endTime"] })} />
        </Field>
        <Field label="End time" required error={errors.endTime?.message}>
          <Input type="time" {...form.register("endTime", { deps: ["startTime"] })} />
        </Field>
      </div>
      <AmbiguousTimeNote date={date} time={startTime} zone={timezone} />
    </ChangeFormDialog>
  );
}

function AddInterviewersDialog({ eventId, interviewerEmails }: InterviewActionsProps) {
  const mutation = useIndeedMutation("AddInterviewers");
  const change = useChange<{ interviewers: string[] }>({
    resolver: zodResolver(addInterviewersFormSchema(eventId, interviewerEmails)),
    defaultValues: { interviewers: [] },
    successTitle: "Interviewers added",
    send: (values) =>
      mutation.mutateAsync({
        variables: {
          input: {
            id: eventId,
            interviewers: uniqueEmails(values.interviewers).map((email) => ({ email })),
          },
        },
      }),
    fieldFor: (path) => (path.includes("interviewers") ? "interviewers" : undefined),
  });
  const { form } = change;
  const { errors } = form.formState;
  return (
    <ChangeFormDialog
      change={change}
      label="Add interviewers"
      title="Add interviewers"
      description={`Indeed invites each new interviewer. This interview has ${interviewerEmails.length} of ${MAX_INTERVIEWERS}.`}
      submitLabel="Add interviewers"
    >
      <Controller
        control={form.control}
        name="interviewers"
        render={({ field }) => (
          <Field
            label="Interviewer emails"
            description="Type an email and press Enter."
            error={errors.interviewers?.message}
          >
            <EmailChipsInput
              ref={field.ref}
              value={field.value}
              existing={interviewerEmails}
              onChange={(emails) => {
                field.onChange(emails);
                void form.trigger("interviewers");
              }}
              onBlur={field.onBlur}
            />
          </Field>
        )}
      />
    </ChangeFormDialog>
  );
}

function AddIntervieweeDialog({ eventId }: InterviewActionsProps) {
  const mutation = useIndeedMutation("AddInterviewee");
  const change = useChange<{ name: string; email: string }>({
    resolver: zodResolver(addIntervieweeFormSchema),
    defaultValues: { name: "", email: "" },
    resetOnOpen: false,
    successTitle: "Interviewee added",
    send: (values) =>
      mutation.mutateAsync({ variables: { input: { id: eventId, interviewee: values } } }),
    fieldFor: lastSegmentIn("name", "email"),
  });
  const { form } = change;
  const { errors } = form.formState;
  return (
    <ChangeFormDialog
      change={change}
      label="Add interviewee"
      title="Add the interviewee"
      description="An interview has at most one interviewee, and it cannot be changed once added."
      submitLabel="Add interviewee"
    >
      <Field label="Name" required error={errors.name?.message}>
        <Input {...form.register("name")} autoComplete="off" />
      </Field>
      <Field label="Email" required error={errors.email?.message}>
        <Input type="email" {...form.register("email")} autoComplete="off" />
      </Field>
    </ChangeFormDialog>
  );
}

function SetTitleDialog({ eventId, title }: InterviewActionsProps) {
  const mutation = useIndeedMutation("SetInterviewTitle");
  const change = useChange<{ title: string }>({
    resolver: zodResolver(setTitleFormSchema),
    defaultValues: { title },
    successTitle: "Title changed",
    send: (values) =>
      mutation.mutateAsync({ variables: { input: { id: eventId, title: values.title } } }),
    fieldFor: lastSegmentIn("title"),
  });
  const { errors } = change.form.formState;
  return (
    <ChangeFormDialog
      change={change}
      label="Change title"
      title="Change the title"
      submitLabel="Save title"
    >
      <Field label="Title" required error={errors.title?.message}>
        <Input {...change.form.register("title")} autoComplete="off" />
      </Field>
    </ChangeFormDialog>
  );
}

function SetTimezoneDialog({ eventId, timezone, timeZones }: InterviewActionsProps) {
  const mutation = useIndeedMutation("SetInterviewTimezone");
  const change = useChange<{ timezone: string }>({
    resolver: zodResolver(setTimezoneFormSchema),
    defaultValues: { timezone },
    successTitle: "Time zone changed",
    send: (values) =>
      mutation.mutateAsync({ variables: { input: { id: eventId, timezone: values.timezone } } }),
    fieldFor: lastSegmentIn("timezone"),
  });
  const { errors } = change.form.formState;
  return (
    <ChangeFormDialog
      change={change}
      label="Change time zone"
      title="Change the time zone"
      description="The interview stays at the same moment. Only the time zone its times are shown in changes (for example in invitations). To move the interview, reschedule it."
      submitLabel="Change time zone"
    >
      <Controller
        control={change.form.control}
        name="timezone"
        render={({ field }) => (
          <Field label="Time zone" required error={errors.timezone?.message}>
            <Combobox
              ref={field.ref}
              options={timeZones}
              value={field.value}
              onValueChange={(value) => field.onChange(value ?? "")}
              onBlur={field.onBlur}
              placeholder="Pick a time zone"
              searchPlaceholder="Search time zones"
            />
          </Field>
        )}
      />
    </ChangeFormDialog>
  );
}

function CancelInterviewDialog({ eventId }: InterviewActionsProps) {
  const mutation = useIndeedMutation("CancelInterview");
  const change = useChange<{ reason: string }>({
    resolver: zodResolver(cancelFormSchema),
    defaultValues: { reason: "" },
    mode: "onChange",
    successTitle: "Interview canceled",
    send: (values) =>
      mutation.mutateAsync({
        variables: { input: { id: eventId } },
        context: values.reason.trim() ? { reason: values.reason.trim() } : undefined,
      }),
    fieldFor: () => undefined,
  });
  const { errors } = change.form.formState;
  return (
    <>
      <Button variant="danger" onClick={() => change.setOpen(true)}>
        Cancel interview
      </Button>
      <ConfirmDialog
        open={change.open}
        onOpenChange={change.onOpenChange}
        title="Cancel this interview?"
        description="Indeed cancels it for everyone and tells the interviewers. A canceled interview cannot be changed or restored."
        confirmLabel="Cancel interview"
        cancelLabel="Keep interview"
        tone="danger"
        pending={change.pending}
        onConfirm={() => void change.submit()}
      >
        <div className="space-y-3">
          <Field
            label="Reason (optional)"
            description="Kept in Lobby's records only; Indeed does not receive it."
            error={errors.reason?.message}
          >
            <Textarea
              {...change.form.register("reason")}
              maxLength={MAX_CANCEL_REASON_LENGTH + 100}
            />
          </Field>
          <FormRootError message={errors.root?.message} />
        </div>
      </ConfirmDialog>
    </>
  );
}
