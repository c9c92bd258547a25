"use client";

import { useActionState } from "react";
import type { ImportActionState } from "@/app/(workspace)/applications/import/actions";
import { buttonClassName } from "@/components/ui/button-class-name";
import { classNames } from "@/components/ui/class-names";
import { controlClassName } from "@/components/ui/control-class-name";
import { DataTable } from "@/components/ui/data-table";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";
import { Spinner } from "@/components/ui/spinner";
import type { ImportPreviewRow } from "@/lib/ats/application-import";

const FILE_FIELD = fieldIds("import-file", { description: true });
const CSV_FIELD = fieldIds("import-csv", { description: true });

/**
 * Paste or upload a CSV, check it (a preview with each row's problems), then import. The
 * server checks again on import and imports nothing unless every row is valid. Works without
 * JavaScript (a plain form post to a server action). The columns come from the page: the
 * import module's schemas (zod) stay on the server.
 */
export function ImportApplicationsForm({
  action,
  columns,
}: {
  action: (state: ImportActionState, form: FormData) => Promise<ImportActionState>;
  columns: readonly (keyof ImportPreviewRow["values"])[];
}) {
  const [state, formAction, pending] = useActionState(action, { csv: "" });
  const preview = state.preview;
  const invalidRows = preview?.rows.filter((row) => row.errors.length > 0).length ?? 0;

  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        Columns:{" "}
        {columns.map((column) => (
          <code key={column} className="mx-0.5 rounded bg-slate-100 px-1">
            {column}
          </code>
        ))}
        . Jobs that do not exist yet are created. Application ids use letters, digits, - and _.
      </p>
      <form action={formAction} className="space-y-4">
        <FieldFrame ids={FILE_FIELD} label="CSV file" description="Or paste the text below.">
          <input
            {...fieldControlProps(FILE_FIELD)}
            type="file"
            name="file"
            accept=".csv,text/csv"
            className={classNames(controlClassName, "h-10 py-1.5")}
          />
        </FieldFrame>
        <FieldFrame
          ids={CSV_FIELD}
          label="CSV text"
          description="A header row, then one row per application."
        >
          <textarea
            {...fieldControlProps(CSV_FIELD)}
            name="csv"
            rows={8}
            defaultValue={state.csv}
            key={state.csv}
            className={classNames(controlClassName, "min-h-24 py-2 font-mono")}
            placeholder={`${columns.join(",")}\nAPP-2001,Ada Lovelace,ada@example.com,JOB-7,Data Analyst`}
          />
        </FieldFrame>
        {state.error && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
          >
            {state.error}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="preview"
            disabled={pending}
            aria-busy={pending || undefined}
            className={buttonClassName({ variant: "outline" })}
          >
            {pending && <Spinner />}
            Check
          </button>
          <button
            type="submit"
            name="intent"
            value="import"
            disabled={pending || (preview !== undefined && !preview.valid)}
            className={buttonClassName()}
          >
            Import
          </button>
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
            <DataTable caption="Rows of the CSV" columns={["Line", ...columns, "Problems"]} dense>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.errors.length > 0 ? "bg-red-50" : undefined}>
                  <td className="px-3 py-2">{row.line}</td>
                  {columns.map((column) => (
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
