/**
 * Reads CSV with csv-parse (the sibling of the csv-stringify that writes Lobby's CSV): RFC 4180,
 * comma separated, fields optionally in double quotes, `""` for a quote inside quotes, CRLF, LF
 * or CR line ends, even mixed. Returns the rows with the 1-based line each starts on (a quoted
 * line break makes a row span lines); blank lines, and lines of only spaces, are skipped.
 */
import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "@/lib/http/app-error";

export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV that cannot be read: the user's input, so BAD_USER_INPUT wherever it ends up. */
export class CsvSyntaxError extends AppError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super("BAD_USER_INPUT", `Line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is not closed",
  INVALID_OPENING_QUOTE: "a quote must start its field",
  CSV_INVALID_CLOSING_QUOTE: "a closing quote must end its field",
};

const CR = 0x0d;
const LF = 0x0a;

/**
 * Line numbers from csv-parse's byte offsets: its own line count takes a CRLF inside quotes
 * for two lines. Offsets are UTF-8 bytes, where line breaks are single bytes.
 */
function lineCounter(source: string) {
  const bytes = new TextEncoder().encode(source);
  let offset = 0;
  let line = 1;
  const advanceTo = (target: number) => {
    for (; offset < target; offset++) {
      if (bytes[offset] === LF || (bytes[offset] === CR && bytes[offset + 1] !== LF)) line++;
    }
  };
  /** The line where the row after `rowsEnd` (a record's end offset) starts, past blank lines. */
  return (rowsEnd: number): number => {
    advanceTo(rowsEnd);
    let start = offset;
    while (bytes[start] === CR || bytes[start] === LF) start++;
    advanceTo(start);
    return line;
  };
}

export function parseCsv(text: string): CsvRow[] {
  const source = text.replace(/^\uFEFF/, "");
  const lineOfRowAfter = lineCounter(source);
  const recordEnds: number[] = [];
  let records: string[][];
  try {
    records = parse(source, {
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      on_record: (record, context) => {
        recordEnds.push(context.bytes);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Where the last whole record ended: the bad row is the next one.
    const rowsEnd = typeof error.bytes_records === "number" ? error.bytes_records : 0;
    const line = lineOfRowAfter(rowsEnd);
    throw new CsvSyntaxError(line, SYNTAX_MESSAGES[error.code] ?? "this is not valid CSV");
  }
  const rows: CsvRow[] = [];
  records.forEach((cells, index) => {
    const line = lineOfRowAfter(recordEnds[index - 1] ?? 0);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) rows.push({ line, cells });
  });
  return rows;
}
