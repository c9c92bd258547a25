"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action, actionErrorMessage } from "@/lib/http/action";
import { employerSettingsSchema, type EmployerSettingsInput } from "@/lib/mail/employer-settings";
import { saveEmployerSettings } from "@/lib/mail/employer-settings-store";

export interface SettingsActionState {
  saved?: boolean;
  error?: string;
  fieldErrors?: Partial<Record<keyof EmployerSettingsInput, string>>;
  /** What was sent, shown again when it was refused. */
  values?: EmployerSettingsInput;
}

/** The form's text fields as the schema's input; anything else posted is left out. */
function settingsInput(form: FormData): EmployerSettingsInput {
  const text = (name: keyof EmployerSettingsInput) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    organizerName: text("organizerName"),
    replyTo: text("replyTo"),
    contact: text("contact"),
    dataRequestsContact: text("dataRequestsContact"),
    defaultLanguage: text("defaultLanguage") as EmployerSettingsInput["defaultLanguage"],
  };
}

/** Saves the signed-in employer's mail settings, checked with the settings schema. */
export const saveSettingsAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _state: SettingsActionState, form: FormData) => ({
      error: actionErrorMessage(error, requestId),
      values: settingsInput(form),
    }),
  },
  async (
    { session },
    _state: SettingsActionState,
    form: FormData,
  ): Promise<SettingsActionState> => {
    const input = settingsInput(form);
    const parsed = employerSettingsSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: SettingsActionState["fieldErrors"] = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof EmployerSettingsInput;
        fieldErrors[key] ??= issue.message;
      }
      return {
        error: "Some values were not accepted; check the highlighted fields",
        fieldErrors,
        values: input,
      };
    }
    await saveEmployerSettings(db(), session.employer.id, parsed.data);
    revalidatePath("/settings");
    return { saved: true, values: input };
  },
);
