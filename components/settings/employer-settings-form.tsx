"use client";

import { useActionState } from "react";
import { buttonClassName } from "@/components/ui/button-class-name";
import { classNames } from "@/components/ui/class-names";
import { controlClassName } from "@/components/ui/control-class-name";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";
import type { SettingsActionState } from "@/app/(workspace)/settings/actions";
import type { EmployerSettingsInput } from "@/lib/mail/employer-settings";

type TextField = Exclude<keyof EmployerSettingsInput, "defaultLanguage">;

const TEXT_FIELDS: {
  name: TextField;
  label: string;
  description: string;
  required: boolean;
  type?: "email";
  autoComplete: string;
}[] = [
  {
    name: "organizerName",
    label: "Organizer name",
    description: "The name invitations come from, and the calendar organizer's.",
    required: true,
    autoComplete: "organization",
  },
  {
    name: "replyTo",
    label: "Reply-to address",
    description: "Where an interviewee's reply goes.",
    required: true,
    type: "email",
    autoComplete: "email",
  },
  {
    name: "contact",
    label: "Contact for job seekers",
    description: "Shown in every message: an email address or a phone number.",
    required: true,
    autoComplete: "off",
  },
  {
    name: "dataRequestsContact",
    label: "Contact for data requests",
    description:
      "Where job seekers ask for a copy of their data or its erasure, shown on the privacy page. Leave empty to use the contact above.",
    required: false,
    autoComplete: "off",
  },
];

/**
 * The employer's mail settings. The server action checks them with the settings schema and
 * answers each refused field's message; the form posts without JavaScript too. Zod and a form
 * library stay off the page: this is its only client code.
 */
export function EmployerSettingsForm({
  action,
  defaults,
  languages,
}: {
  action: (state: SettingsActionState, form: FormData) => Promise<SettingsActionState>;
  defaults: EmployerSettingsInput;
  languages: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? defaults;
  const errors = state.fieldErrors ?? {};
  const language = fieldIds("settings-defaultLanguage", {
    description: true,
    error: errors.defaultLanguage,
    required: true,
  });

  return (
    <form action={formAction} noValidate className="space-y-5">
      {TEXT_FIELDS.map((field) => {
        const ids = fieldIds(`settings-${field.name}`, {
          description: true,
          error: errors[field.name],
          required: field.required,
        });
        return (
          <FieldFrame
            key={field.name}
            ids={ids}
            label={field.label}
            description={field.description}
            error={errors[field.name]}
          >
            <input
              {...fieldControlProps(ids)}
              name={field.name}
              type={field.type ?? "text"}
              autoComplete={field.autoComplete}
              defaultValue={values[field.name] ?? ""}
              className={classNames(controlClassName, "h-10")}
            />
          </FieldFrame>
        );
      })}
      <FieldFrame
        ids={language}
        label="Default language"
        description="For interviews without a language of their own."
        error={errors.defaultLanguage}
      >
        <select
          {...fieldControlProps(language)}
          name="defaultLanguage"
          defaultValue={values.defaultLanguage}
          className={classNames(controlClassName, "h-10")}
        >
          {languages.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldFrame>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={buttonClassName()}>
          {pending ? "Saving…" : "Save settings"}
        </button>
        <p
          role={state.error ? "alert" : "status"}
          className={state.error ? "text-sm text-red-800" : "text-sm text-green-800"}
        >
          {state.error ?? (state.saved && !pending ? "Settings saved." : null)}
        </p>
      </div>
    </form>
  );
}
