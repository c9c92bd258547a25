"use server";

import { redirect } from "next/navigation";
import type { ImportPreview } from "@/lib/ats/application-import";
import { importApplications, previewApplicationsImport } from "@/lib/ats/import-applications";
import { getEmployerSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export interface ImportActionState {
  csv: string;
  preview?: ImportPreview;
  error?: string;
}

const MAX_BYTES = 2 * 1024 * 1024;

/** Checks (intent=preview) or imports (intent=import) an applications CSV for the signed-in employer. */
export async function importApplicationsAction(
  _previous: ImportActionState,
  form: FormData,
): Promise<ImportActionState> {
  const session = await getEmployerSession();
  if (!session)
    return { csv: "", error: "Your session has ended. Sign in with Indeed again, then retry." };

  const file = form.get("file");
  const pasted = String(form.get("csv") ?? "");
  let csv = pasted;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES)
      return { csv: pasted, error: "The file is larger than 2 MB. Split it and import the parts." };
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
}
