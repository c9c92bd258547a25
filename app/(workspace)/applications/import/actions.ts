"use server";

import { redirect } from "next/navigation";
import type { ImportPreview } from "@/lib/ats/application-import";
import { importApplications, previewApplicationsImport } from "@/lib/ats/import-applications";
import { db } from "@/lib/db/client";
import { action } from "@/lib/http/action";

export interface ImportActionState {
  csv: string;
  preview?: ImportPreview;
  error?: string;
}

const MAX_BYTES = 2 * 1024 * 1024;

const importAction = action(
  {
    auth: "employer",
    // The form keeps what was pasted, and says what went wrong in words.
    onError: (error, { requestId }, _previous: ImportActionState, form: FormData) => ({
      csv: String(form.get("csv") ?? ""),
      error:
        error.code === "NOT_SIGNED_IN"
          ? "Your session has ended. Sign in with Indeed again, then retry."
          : error.code === "INTERNAL_ERROR"
            ? `${error.message} (request ${requestId})`
            : error.message,
    }),
  },
  async ({ session }, _previous: ImportActionState, form: FormData): Promise<ImportActionState> => {
    const file = form.get("file");
    const pasted = String(form.get("csv") ?? "");
    let csv = pasted;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_BYTES)
        return {
          csv: pasted,
          error: "The file is larger than 2 MB. Split it and import the parts.",
        };
      csv = await file.text();
    }
    if (!csv.trim()) return { csv, error: "Paste CSV text or choose a CSV file." };

    if (form.get("intent") !== "import") {
      return { csv, preview: await previewApplicationsImport(db(), session.employer.id, csv) };
    }
    const result = await importApplications(
      db(),
      { userId: session.userId, employerId: session.employer.id },
      csv,
    );
    if (!result.ok)
      return {
        csv,
        preview: result.preview,
        error: "Nothing was imported. Fix the rows marked below.",
      };
    redirect(`/applications?imported=${result.imported}`);
  },
);

/** Checks (intent=preview) or imports (intent=import) an applications CSV for the signed-in employer. */
export async function importApplicationsAction(
  previous: ImportActionState,
  form: FormData,
): Promise<ImportActionState> {
  return importAction(previous, form);
}
