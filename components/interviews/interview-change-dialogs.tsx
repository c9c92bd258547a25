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
import { Combobox } from "@/components/ui/combobox";
import { ConfirmDialog, Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { readError } from "@/lib/http/error-body";
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
import { confirmOutcome, unconfirmedMessage } from "@/lib/scheduling/reconcile-pending-client";
import { MAX_CANCEL_REASON_LENGTH, MAX_INTERVIEWERS } from "@/lib/scheduling/rules";
import { applyRouteError, isOutcomeUnknown, lastSegment } from "./apply-route-error";
import { EmailChipsInput } from "./email-chips-input";
import { FormRootError } from "./form-root-error";
import { AmbiguousTimeNote } from "./time-zone-note";

import type { InterviewActionsProps, InterviewChange } from "./interview-actions";

interface DialogProps extends InterviewActionsProps {
  /** Called when the dialog closes: dismissed, or the change accepted. */
  onClose: () => void;
}

/**
 * The dialogs of the event's changes, loaded on the first intent to open one (interview-actions.tsx
 * holds the buttons). A dialog that starts from the event's current values mounts on opening, so
 * each opening starts afresh; the interviewee's stays mounted to keep what was typed.
 */
export function InterviewChangeDialogs({
  open,
  ...props
}: DialogProps & { open: InterviewChange | null }) {
  return (
    <>
      {open === "reschedule" && <RescheduleDialog {...props} />}
      {open === "addInterviewers" && <AddInterviewersDialog {...props} />}
      {!props.hasInterviewee && (
        <AddIntervieweeDialog {...props} open={open === "addInterviewee"} />
      )}
      {open === "setTitle" && <SetTitleDialog {...props} />}
      {open === "setTimezone" && <SetTimezoneDialog {...props} />}
      {open === "cancel" && <CancelInterviewDialog {...props} />}
    </>
  );
}

interface ChangeOptions<Values extends FieldValues> {
  /** The event changed: a change Indeed left unconfirmed is checked under its id. */
  eventId: string;
  resolver: Resolver<Values>;
  /** The form's values when the dialog opens: the event's current ones, or empty. */
  defaultValues: DefaultValues<Values>;
  mode?: "onTouched" | "onChange";
  /** Closes the dialog (the caller holds which one is open). */
  onClose: () => void;
  /** The toast shown when Indeed accepts the change. */
  successTitle: string;
  /** Sends the change to Indeed (the dialog's mutation). */
  send: (values: Values) => Promise<unknown>;
  /** The field an Indeed field error (keyed by variable path) belongs to; others show as the root error. */
  fieldFor: (path: string) => Path<Values> | undefined;
}

/** What the dialogs' submit button and live region say while Lobby checks with Indeed. */
export const CHECKING_LABEL = "Checking with Indeed…";

/**
 * One change's form and submit: sends once at a time; on success closes, toasts and
 * refreshes the page's server data; on failure shows the error at its field or the form's root.
 * When Indeed may have made the change without saying so (OUTCOME_UNKNOWN), it checks with
 * Indeed first and neither closes nor offers the change again until the check ends (issue 13).
 */
function useChange<Values extends FieldValues>({
  eventId,
  resolver,
  defaultValues,
  mode = "onTouched",
  onClose,
  successTitle,
  send,
  fieldFor,
}: ChangeOptions<Values>) {
  const form = useForm<Values>({ resolver, mode, defaultValues });
  const [pending, setPending] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const inFlight = useRef(false);
  const router = useRouter();
  const { toast } = useToast();

  function accepted() {
    onClose();
    toast({ title: successTitle, tone: "success" });
    router.refresh();
  }

  /** `refusal`: what the route said, shown when there is no check to run. */
  async function checkWithIndeed(refusal: string) {
    setChecking("Checking with Indeed whether the change was made…");
    const answer = await confirmOutcome({ eventId }, { onPending: setChecking });
    setChecking(null);
    if (answer.state === "confirmed") return accepted();
    form.setError("root" as Path<Values>, {
      type: "server",
      message: unconfirmedMessage(answer, refusal, "made"),
    });
  }

  return {
    form,
    pending: pending || checking !== null,
    checking,
    onOpenChange(next: boolean) {
      // Closing mid-check would offer the same change again on the next opening.
      if (!next && !inFlight.current) onClose();
    },
    /** The form's submit handler: validates, then sends once at a time. */
    submit(event?: BaseSyntheticEvent) {
      return form.handleSubmit(async (values) => {
        if (inFlight.current) return;
        inFlight.current = true;
        setPending(true);
        try {
          await send(values);
          accepted();
        } catch (error) {
          if (isOutcomeUnknown(error)) await checkWithIndeed(readError(error).message);
          else applyRouteError(error, form.setError, fieldFor);
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
  open = true,
  title,
  description,
  submitLabel,
  children,
}: {
  change: Change<Values>;
  open?: boolean;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={change.onOpenChange}>
      <DialogContent title={title} description={description}>
        <form noValidate className="space-y-4" onSubmit={change.submit}>
          {children}
          <FormRootError
            message={change.checking ? undefined : change.form.formState.errors.root?.message}
          />
          <CheckingStatus checking={change.checking} />
          <DialogFooter>
            <Button type="submit" loading={change.pending}>
              {change.checking ? CHECKING_LABEL : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The live region that says a check with Indeed is running (empty, but present, otherwise). */
function CheckingStatus({ checking }: { checking: string | null }) {
  return (
    <p role="status" aria-live="polite" className="text-sm text-slate-700">
      {checking}
    </p>
  );
}

function RescheduleDialog({ eventId, timezone, localSpan, onClose }: DialogProps) {
  const mutation = useIndeedMutation("RescheduleInterview");
  const change = useChange<RescheduleFormValues>({
    eventId,
    resolver: zodResolver(rescheduleFormSchema(eventId, timezone)),
    defaultValues: localSpan,
    onClose,
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

function AddInterviewersDialog({ eventId, interviewerEmails, onClose }: DialogProps) {
  const mutation = useIndeedMutation("AddInterviewers");
  const change = useChange<{ interviewers: string[] }>({
    eventId,
    resolver: zodResolver(addInterviewersFormSchema(eventId, interviewerEmails)),
    defaultValues: { interviewers: [] },
    onClose,
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

function AddIntervieweeDialog({ eventId, open, onClose }: DialogProps & { open: boolean }) {
  const mutation = useIndeedMutation("AddInterviewee");
  const change = useChange<{ name: string; email: string }>({
    eventId,
    resolver: zodResolver(addIntervieweeFormSchema),
    defaultValues: { name: "", email: "" },
    onClose,
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
      open={open}
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

function SetTitleDialog({ eventId, title, onClose }: DialogProps) {
  const mutation = useIndeedMutation("SetInterviewTitle");
  const change = useChange<{ title: string }>({
    eventId,
    resolver: zodResolver(setTitleFormSchema),
    defaultValues: { title },
    onClose,
    successTitle: "Title changed",
    send: (values) =>
      mutation.mutateAsync({ variables: { input: { id: eventId, title: values.title } } }),
    fieldFor: lastSegmentIn("title"),
  });
  const { errors } = change.form.formState;
  return (
    <ChangeFormDialog change={change} title="Change the title" submitLabel="Save title">
      <Field label="Title" required error={errors.title?.message}>
        <Input {...change.form.register("title")} autoComplete="off" />
      </Field>
    </ChangeFormDialog>
  );
}

function SetTimezoneDialog({ eventId, timezone, timeZones, onClose }: DialogProps) {
  const mutation = useIndeedMutation("SetInterviewTimezone");
  const change = useChange<{ timezone: string }>({
    eventId,
    resolver: zodResolver(setTimezoneFormSchema),
    defaultValues: { timezone },
    onClose,
    successTitle: "Time zone changed",
    send: (values) =>
      mutation.mutateAsync({ variables: { input: { id: eventId, timezone: values.timezone } } }),
    fieldFor: lastSegmentIn("timezone"),
  });
  const { errors } = change.form.formState;
  return (
    <ChangeFormDialog
      change={change}
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

function CancelInterviewDialog({ eventId, onClose }: DialogProps) {
  const mutation = useIndeedMutation("CancelInterview");
  const change = useChange<{ reason: string }>({
    eventId,
    resolver: zodResolver(cancelFormSchema),
    defaultValues: { reason: "" },
    mode: "onChange",
    onClose,
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
    <ConfirmDialog
      open
      onOpenChange={change.onOpenChange}
      title="Cancel this interview?"
      description="Indeed cancels it for everyone and tells the interviewers. A canceled interview cannot be changed or restored."
      confirmLabel={change.checking ? CHECKING_LABEL : "Cancel interview"}
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
        <FormRootError message={change.checking ? undefined : errors.root?.message} />
        <CheckingStatus checking={change.checking} />
      </div>
    </ConfirmDialog>
  );
}
