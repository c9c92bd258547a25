"use client";

import { useActionState, type ReactNode } from "react";
import { controlClassName } from "@/components/ui/control-class-name";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";
import type { SettingsActionState } from "@/app/(workspace)/settings/actions";
import type { EmployerSettingsInput } from "@/lib/mail/employer-settings";

export type SettingsTextField = Exclude<keyof EmployerSettingsInput, "defaultLanguage">;

/** One text field as the page describes it (its words travel as data, not as form code). */
export interface SettingsTextFieldSpec {
  name: SettingsTextField;
  label: string;
  description: string;
  required: boolean;
  type?: "email";
  autoComplete: string;
}

const CONTROL_CLASS = `${controlClassName} h-10`;

/**
 * The employer's mail settings. The server action checks them with the settings schema and
 * answers each refused field's message; the form posts without JavaScript too. Zod and a form
 * library stay off the page: this is its only client code, and the fields' words come from it.
 */
export function EmployerSettingsForm({
  action,
  defaults,
  textFields,
  languageField,
  languages,
  submit,
}: {
  action: (state: SettingsActionState, form: FormData) => Promise<SettingsActionState>;
  defaults: EmployerSettingsInput;
  textFields: SettingsTextFieldSpec[];
  languageField: { label: string; description: string };
  languages: { value: string; label: string }[];
  /** The submit button, rendered by the page (its styles stay out of this bundle). */
  submit: ReactNode;
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
      {textFields.map((field) => {
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
              className={CONTROL_CLASS}
            />
          </FieldFrame>
        );
      })}
      <FieldFrame
        ids={language}
        label={languageField.label}
        description={languageField.description}
        error={errors.defaultLanguage}
      >
        <select
          {...fieldControlProps(language)}
          name="defaultLanguage"
          defaultValue={values.defaultLanguage}
          className={CONTROL_CLASS}
        >
          {languages.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldFrame>
      <div className="flex items-center gap-4">
        {/* Disabled while saving, so a second press cannot send the form twice. */}
        <fieldset disabled={pending} className="contents">
          {submit}
        </fieldset>
        <p
          role={state.error && !pending ? "alert" : "status"}
          className={
            state.error && !pending
              ? "text-sm text-red-800"
              : pending
                ? "text-sm text-slate-700"
                : "text-sm text-green-800"
          }
        >
          {pending ? "Saving…" : (state.error ?? (state.saved ? "Settings saved." : null))}
        </p>
      </div>
    </form>
  );
}
