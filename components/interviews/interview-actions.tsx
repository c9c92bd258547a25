"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { ConfirmDialog, Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useIndeedMutation } from "@/lib/indeed/hooks";
import {
  addIntervieweeFormSchema,
  addInterviewersFormSchema,
  cancelFormSchema,
  MAX_CANCEL_REASON_LENGTH,
  rescheduleFormSchema,
  rescheduleVariablesFrom,
  setTimezoneFormSchema,
  setTitleFormSchema,
  uniqueEmails,
  type RescheduleFormValues,
} from "@/lib/scheduling/interview-schemas";
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

/** Open state, the "done" routine (toast, refresh, close) and a guard against double submits. */
function useChangeDialog(successTitle: string) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { toast } = useToast();
  const inFlight = useRef(false);
  return {
    open,
    setOpen,
    /** Runs `send` once at a time; on success closes, refreshes and toasts. */
    async run(send: () => Promise<unknown>, onError: (error: unknown) => void) {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        await send();
        setOpen(false);
        toast({ title: successTitle, tone: "success" });
        router.refresh();
      } catch (error) {
        onError(error);
      } finally {
        inFlight.current = false;
      }
    },
  };
}

function ChangeDialog({
  label,
  title,
  description,
  open,
  onOpenChange,
  children,
}: {
  label: string;
  title: string;
  description?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">{label}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        {children}
      </DialogContent>
    </Dialog>
  );
}

function Footer({ pending, submitLabel }: { pending: boolean; submitLabel: string }) {
  return (
    <DialogFooter>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}

function RescheduleDialog({ eventId, timezone, localSpan }: InterviewActionsProps) {
  const dialog = useChangeDialog("Interview rescheduled");
  const mutation = useIndeedMutation("RescheduleInterview");
  const form = useForm<RescheduleFormValues>({
    resolver: zodResolver(rescheduleFormSchema(eventId, timezone)),
    mode: "onTouched",
    defaultValues: localSpan,
  });
  const { errors } = form.formState;
  const [date, startTime] = useWatch({ control: form.control, name: ["date", "startTime"] });
  return (
    <ChangeDialog
      label="Reschedule"
      title="Reschedule the interview"
      description={`Times are in the interview's time zone, ${timezone.replaceAll("_", " ")}. Indeed tells every interviewer.`}
      open={dialog.open}
      onOpenChange={(open) => {
        if (open) form.reset(localSpan);
        dialog.setOpen(open);
      }}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) =>
          dialog.run(
            () => mutation.mutateAsync({ variables: rescheduleVariablesFrom(eventId, timezone, values) }),
            (error) =>
              applyRouteError(error, form.setError, (path) => {
                const field = lastSegment(path);
                return field === "startTime" || field === "endTime" ? field : undefined;
              }),
          ),
        )}
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
        <FormRootError message={errors.root?.message} />
        <Footer pending={mutation.isPending} submitLabel="Reschedule" />
      </form>
    </ChangeDialog>
  );
}

function AddInterviewersDialog({ eventId, interviewerEmails }: InterviewActionsProps) {
  const dialog = useChangeDialog("Interviewers added");
  const mutation = useIndeedMutation("AddInterviewers");
  const form = useForm<{ interviewers: string[] }>({
    resolver: zodResolver(addInterviewersFormSchema(eventId, interviewerEmails)),
    mode: "onTouched",
    defaultValues: { interviewers: [] },
  });
  const { errors } = form.formState;
  return (
    <ChangeDialog
      label="Add interviewers"
      title="Add interviewers"
      description={`Indeed invites each new interviewer. This interview has ${interviewerEmails.length} of 49.`}
      open={dialog.open}
      onOpenChange={(open) => {
        if (open) form.reset({ interviewers: [] });
        dialog.setOpen(open);
      }}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) =>
          dialog.run(
            () =>
              mutation.mutateAsync({
                variables: { input: { id: eventId, interviewers: uniqueEmails(values.interviewers).map((email) => ({ email })) } },
              }),
            (error) => applyRouteError(error, form.setError, (path) => (path.includes("interviewers") ? "interviewers" : undefined)),
          ),
        )}
      >
        <Controller
          control={form.control}
          name="interviewers"
          render={({ field }) => (
            <Field label="Interviewer emails" description="Type an email and press Enter." error={errors.interviewers?.message}>
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
        <FormRootError message={errors.root?.message} />
        <Footer pending={mutation.isPending} submitLabel="Add interviewers" />
      </form>
    </ChangeDialog>
  );
}

function AddIntervieweeDialog({ eventId }: InterviewActionsProps) {
  const dialog = useChangeDialog("Interviewee added");
  const mutation = useIndeedMutation("AddInterviewee");
  const form = useForm<{ name: string; email: string }>({
    resolver: zodResolver(addIntervieweeFormSchema),
    mode: "onTouched",
    defaultValues: { name: "", email: "" },
  });
  const { errors } = form.formState;
  return (
    <ChangeDialog
      label="Add interviewee"
      title="Add the interviewee"
      description="An interview has at most one interviewee, and it cannot be changed once added."
      open={dialog.open}
      onOpenChange={dialog.setOpen}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) =>
          dialog.run(
            () => mutation.mutateAsync({ variables: { input: { id: eventId, interviewee: values } } }),
            (error) =>
              applyRouteError(error, form.setError, (path) => {
                const field = lastSegment(path);
                return field === "name" || field === "email" ? field : undefined;
              }),
          ),
        )}
      >
        <Field label="Name" required error={errors.name?.message}>
          <Input {...form.register("name")} autoComplete="off" />
        </Field>
        <Field label="Email" required error={errors.email?.message}>
          <Input type="email" {...form.register("email")} autoComplete="off" />
        </Field>
        <FormRootError message={errors.root?.message} />
        <Footer pending={mutation.isPending} submitLabel="Add interviewee" />
      </form>
    </ChangeDialog>
  );
}

function SetTitleDialog({ eventId, title }: InterviewActionsProps) {
  const dialog = useChangeDialog("Title changed");
  const mutation = useIndeedMutation("SetInterviewTitle");
  const form = useForm<{ title: string }>({
    resolver: zodResolver(setTitleFormSchema),
    mode: "onTouched",
    defaultValues: { title },
  });
  const { errors } = form.formState;
  return (
    <ChangeDialog
      label="Change title"
      title="Change the title"
      open={dialog.open}
      onOpenChange={(open) => {
        if (open) form.reset({ title });
        dialog.setOpen(open);
      }}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) =>
          dialog.run(
            () => mutation.mutateAsync({ variables: { input: { id: eventId, title: values.title } } }),
            (error) => applyRouteError(error, form.setError, (path) => (lastSegment(path) === "title" ? "title" : undefined)),
          ),
        )}
      >
        <Field label="Title" required error={errors.title?.message}>
          <Input {...form.register("title")} autoComplete="off" />
        </Field>
        <FormRootError message={errors.root?.message} />
        <Footer pending={mutation.isPending} submitLabel="Save title" />
      </form>
    </ChangeDialog>
  );
}

function SetTimezoneDialog({ eventId, timezone, timeZones }: InterviewActionsProps) {
  const dialog = useChangeDialog("Time zone changed");
  const mutation = useIndeedMutation("SetInterviewTimezone");
  const form = useForm<{ timezone: string }>({
    resolver: zodResolver(setTimezoneFormSchema),
    mode: "onTouched",
    defaultValues: { timezone },
  });
  const { errors } = form.formState;
  return (
    <ChangeDialog
      label="Change time zone"
      title="Change the time zone"
      description="The interview stays at the same moment. Only the time zone its times are shown in changes (for example in invitations). To move the interview, reschedule it."
      open={dialog.open}
      onOpenChange={(open) => {
        if (open) form.reset({ timezone });
        dialog.setOpen(open);
      }}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) =>
          dialog.run(
            () => mutation.mutateAsync({ variables: { input: { id: eventId, timezone: values.timezone } } }),
            (error) =>
              applyRouteError(error, form.setError, (path) => (lastSegment(path) === "timezone" ? "timezone" : undefined)),
          ),
        )}
      >
        <Controller
          control={form.control}
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
        <FormRootError message={errors.root?.message} />
        <Footer pending={mutation.isPending} submitLabel="Change time zone" />
      </form>
    </ChangeDialog>
  );
}

function CancelInterviewDialog({ eventId }: InterviewActionsProps) {
  const dialog = useChangeDialog("Interview canceled");
  const mutation = useIndeedMutation("CancelInterview");
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(cancelFormSchema),
    mode: "onChange",
    defaultValues: { reason: "" },
  });
  const { errors } = form.formState;
  const confirm = form.handleSubmit((values) =>
    dialog.run(
      () =>
        mutation.mutateAsync({
          variables: { input: { id: eventId } },
          context: values.reason.trim() ? { reason: values.reason.trim() } : undefined,
        }),
      (error) => applyRouteError(error, form.setError, () => undefined),
    ),
  );
  return (
    <>
      <Button variant="danger" onClick={() => dialog.setOpen(true)}>
        Cancel interview
      </Button>
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={(open) => {
          if (open) form.reset({ reason: "" });
          dialog.setOpen(open);
        }}
        title="Cancel this interview?"
        description="Indeed cancels it for everyone and tells the interviewers. A canceled interview cannot be changed or restored."
        confirmLabel="Cancel interview"
        cancelLabel="Keep interview"
        tone="danger"
        pending={mutation.isPending}
        onConfirm={() => void confirm()}
      >
        <div className="space-y-3">
          <Field
            label="Reason (optional)"
            description="Kept in Lobby's records only; Indeed does not receive it."
            error={errors.reason?.message}
          >
            <Textarea {...form.register("reason")} maxLength={MAX_CANCEL_REASON_LENGTH + 100} />
          </Field>
          <FormRootError message={errors.root?.message} />
        </div>
      </ConfirmDialog>
    </>
  );
}
