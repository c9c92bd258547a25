"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition, type ComponentProps } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { classNames } from "@/components/ui/class-names";
import { Field, useFieldControlProps } from "@/components/ui/field";
import { Input, controlClassName } from "@/components/ui/input";
import {
  MESSAGE_LANGUAGES,
  MESSAGE_LANGUAGE_LABELS,
  employerSettingsSchema,
  type EmployerSettings,
  type EmployerSettingsInput,
} from "@/lib/mail/employer-settings";

interface SettingsActionState {
  saved?: boolean;
  error?: string;
  fieldErrors?: Partial<Record<keyof EmployerSettingsInput, string>>;
}

/** The employer's mail settings: checked here and by the server with the same schema. */
export function EmployerSettingsForm({
  action,
  defaults,
}: {
  action: (input: EmployerSettingsInput) => Promise<SettingsActionState>;
  defaults: EmployerSettingsInput;
}) {
  const form = useForm<EmployerSettingsInput, unknown, EmployerSettings>({
    resolver: zodResolver(employerSettingsSchema),
    defaultValues: defaults,
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = form;
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const onSubmit = handleSubmit((values) => {
    setResult(null);
    startTransition(async () => {
      const answer = await action(values);
      for (const [field, message] of Object.entries(answer.fieldErrors ?? {})) {
        setError(field as keyof EmployerSettingsInput, { message });
      }
      if (answer.saved) setResult({ tone: "success", text: "Settings saved." });
      else if (answer.error) setResult({ tone: "error", text: answer.error });
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <Field
        label="Organizer name"
        description="The name invitations come from, and the calendar organizer's."
        required
        error={errors.organizerName?.message}
      >
        <Input {...register("organizerName")} autoComplete="organization" />
      </Field>
      <Field
        label="Reply-to address"
        description="Where an interviewee's reply goes."
        required
        error={errors.replyTo?.message}
      >
        <Input {...register("replyTo")} type="email" autoComplete="email" />
      </Field>
      <Field
        label="Contact for job seekers"
        description="Shown in every message: an email address or a phone number."
        required
        error={errors.contact?.message}
      >
        <Input {...register("contact")} autoComplete="off" />
      </Field>
      <Field
        label="Contact for data requests"
        description="Where job seekers ask for a copy of their data or its erasure, shown on the privacy page. Leave empty to use the contact above."
        error={errors.dataRequestsContact?.message}
      >
        <Input {...register("dataRequestsContact")} autoComplete="off" />
      </Field>
      <Field
        label="Default language"
        description="For interviews without a language of their own."
        required
        error={errors.defaultLanguage?.message}
      >
        <FieldSelect {...register("defaultLanguage")}>
          {MESSAGE_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {MESSAGE_LANGUAGE_LABELS[code]}
            </option>
          ))}
        </FieldSelect>
      </Field>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <p
          role={result?.tone === "error" ? "alert" : "status"}
          className={result?.tone === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}
        >
          {result?.text}
        </p>
      </div>
    </form>
  );
}

/** A native select that, like <Input>, takes its id and descriptions from the <Field>. */
function FieldSelect({ className, ...props }: ComponentProps<"select">) {
  const control = useFieldControlProps();
  return (
    <select {...control} {...props} className={classNames(controlClassName, "h-10", className)} />
  );
}
