import type { Metadata } from "next";
import { ImportApplicationsForm } from "@/components/applications/import-applications-form";
import { IMPORT_COLUMNS } from "@/lib/ats/application-import";
import { requireEmployerSession } from "@/lib/auth/current-session";
import { importApplicationsAction } from "./actions";

export const metadata: Metadata = { title: "Import applications" };

export default async function ImportApplicationsPage() {
  await requireEmployerSession("/applications/import");
  return (
    <section className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Import applications</h1>
      <ImportApplicationsForm action={importApplicationsAction} columns={IMPORT_COLUMNS} />
    </section>
  );
}
