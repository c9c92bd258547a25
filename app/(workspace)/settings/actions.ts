"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/lib/http/action";
import { employerSettingsSchema, type EmployerSettingsInput } from "@/lib/mail/employer-settings";
import { saveEmployerSettings } from "@/lib/mail/employer-settings-store";

export interface SettingsActionState {
  saved?: boolean;
  error?: string;
  fieldErrors?: Partial<Record<keyof EmployerSettingsInput, string>>;
}

/** Saves the signed-in employer's mail settings; the same schema as the form checks them. */
export const saveSettingsAction = action(
  {
    auth: "employer",
    onError: (error, { requestId }, _input: EmployerSettingsInput): SettingsActionState => ({
      error:
        error.code === "INTERNAL_ERROR" ? `${error.message} (request ${requestId})` : error.message,
    }),
  },
  async ({ session }, input: EmployerSettingsInput): Promise<SettingsActionState> => {
    const parsed = employerSettingsSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: SettingsActionState["fieldErrors"] = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof EmployerSettingsInput;
        fieldErrors[key] ??= issue.message;
      }
      return { error: "Some values were not accepted; check the highlighted fields", fieldErrors };
    }
    await saveEmployerSettings(db(), session.employer.id, parsed.data);
    revalidatePath("/settings");
    return { saved: true };
  },
);
