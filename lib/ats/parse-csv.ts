/**
 * A small RFC 4180 CSV reader: comma separated, fields optionally in double quotes, `""` for a
 * quote inside quotes, CRLF or LF line ends. Returns the rows with their 1-based line numbers;
 * blank lines are skipped.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

export function parseCsv(text: string): CsvRow[] {
  const source = text.replace(/^\uFEFF/, "");
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let index = 0;

  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };

  while (index < source.length) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === "\n") line++;
        cell += char;
      }
      index++;
      continue;
    }
    if (char === '"') {
      if (cell.trim() !== "") throw new CsvSyntaxError(line, "a quote must start its field");
      cell = "";
      quoted = true;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
    index++;
  }
  if (quoted) throw new CsvSyntaxError(rowLine, "a quoted field is not closed");
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}
