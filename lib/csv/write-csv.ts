import { stringify } from "csv-stringify/sync";

/**
 * The only way Lobby writes CSV. A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return as a formula (`=HYPERLINK(...)` in an applicant's name); such a
 * cell is written with a leading single quote, as OWASP's CSV-injection guidance says, so it
 * shows as text. Applies to headers and every value; numbers, dates and booleans become text
 * first, so a negative number is quoted too (the cast cannot tell data from a payload).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | Date | null | undefined;

/** A cell as text that no spreadsheet will evaluate. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 CSV (CRLF, quotes where needed) of a header row and data rows, formula-safe. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return writeCsvRows([header, ...rows]);
}

/** Rows only, each ending in CRLF: the chunks of a streamed file, header first. */
export function writeCsvRows(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    {
      record_delimiter: "\r\n",
      // csv-stringify leaves a lone CR unquoted; readers take it for a line end.
      quoted_match: /[\r\n]/,
    },
  );
}
