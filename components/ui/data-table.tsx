import type { ReactNode } from "react";

/**
 * A bordered table that scrolls sideways on narrow screens, with a caption for screen readers
 * and one header cell per column. Callers render the body rows.
 */
export function DataTable({
  caption,
  columns,
  children,
  dense = false,
}: {
  caption: string;
  /** Header contents in order; use `<span className="sr-only">` for a column without a visible name. */
  columns: ReactNode[];
  children: ReactNode;
  /** Tighter cells, for previews with many columns. */
  dense?: boolean;
}) {
  const headerCell = dense ? "px-3 py-2 font-semibold" : "px-4 py-3 font-semibold";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={headerCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
