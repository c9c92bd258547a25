"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { IMPORT_COLUMNS, type ImportPreview } from "@/lib/ats/application-import";

interface ImportState {
  csv: string;
  preview?: ImportPreview;
  error?: string;
}

const EXAMPLE = `${IMPORT_COLUMNS.join(",")}\nAPP-2001,Ada Lovelace,ada@example.com,JOB-7,Data Analyst`;

/**
 * Paste or upload a CSV, check it (a preview with each row's problems), then import. The
 * server checks again on import and imports nothing unless every row is valid. Works without
 * JavaScript (a plain form post to a server action).
 */
export function ImportApplicationsForm({
  action,
}: {
  action: (state: ImportState, form: FormData) => Promise<ImportState>;
}) {
  const [state, formAction, pending] = useActionState(action, { csv: "" });
  const preview = state.preview;
  const invalidRows = preview?.rows.filter((row) => row.errors.length > 0).length ?? 0;

  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        Columns:{" "}
        {IMPORT_COLUMNS.map((column) => (
          <code key={column} className="mx-0.5 rounded bg-slate-100 px-1">
            {column}
          </code>
        ))}
        . Jobs that do not exist yet are created. Application ids use letters, digits, - and _.
      </p>
      <form action={formAction} className="space-y-4">
        <Field label="CSV file" description="Or paste the text below.">
          <Input type="file" name="file" accept=".csv,text/csv" className="py-1.5" />
        </Field>
        <Field label="CSV text" description="A header row, then one row per application.">
          <Textarea
            name="csv"
            rows={8}
            defaultValue={state.csv}
            key={state.csv}
            className="font-mono"
            placeholder={EXAMPLE}
          />
        </Field>
        {state.error && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
          >
            {state.error}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="intent" value="preview" variant="outline" loading={pending}>
            Check
          </Button>
          <Button
            type="submit"
            name="intent"
            value="import"
            disabled={pending || (preview !== undefined && !preview.valid)}
          >
            Import
          </Button>
        </div>
      </form>

      {preview && (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview
          </h2>
          <p role="status" className="text-slate-800">
            {preview.fileErrors.length > 0
              ? preview.fileErrors.join(" ")
              : preview.valid
                ? `All ${preview.rows.length} rows are valid. Press Import to add them.`
                : `${invalidRows} of ${preview.rows.length} rows have problems. Nothing is imported until they are fixed.`}
          </p>
          {preview.rows.length > 0 && (
            <DataTable
              caption="Rows of the CSV"
              columns={["Line", ...IMPORT_COLUMNS, "Problems"]}
              dense
            >
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.errors.length > 0 ? "bg-red-50" : undefined}>
                  <td className="px-3 py-2">{row.line}</td>
                  {IMPORT_COLUMNS.map((column) => (
                    <td key={column} className="px-3 py-2">
                      {row.values[column]}
                    </td>
                  ))}
                  <td className="px-3 py-2 text-red-800">
                    {row.errors.length > 0 ? (
                      row.errors.join("; ")
                    ) : (
                      <span className="text-green-800">OK</span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </div>
  );
}
