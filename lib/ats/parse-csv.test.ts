import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./parse-csv";

function syntaxError(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a CsvSyntaxError");
}

describe("parseCsv on csv-parse", () => {
  it("numbers each row by the line it starts on, past quoted CRLFs, blank lines and a BOM", () => {
    const rows = parseCsv('\uFEFFh1,h2\r\n\r\n"two\r\nlines",x\r\n  \r\n"é",ü\r\nlast,row');
    expect(rows).toEqual([
      { line: 1, cells: ["h1", "h2"] },
      { line: 3, cells: ["two\r\nlines", "x"] },
      { line: 6, cells: ["é", "ü"] },
      { line: 7, cells: ["last", "row"] },
    ]);
  });

  it("reads LF, CRLF and CR line ends mixed in one file, and rows of any length", () => {
    expect(parseCsv("a\nb,c\r\nd\re,,")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["b", "c"] },
      { line: 3, cells: ["d"] },
      { line: 4, cells: ["e", "", ""] },
    ]);
  });

  it("keeps a lone CR inside quotes as text, as writeCsv writes it", () => {
    expect(parseCsv('name\r\n"\'\r=1"\r\n')[1]).toEqual({ line: 2, cells: ["'\r=1"] });
  });

  it("gives no rows for an empty or blank file", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\r\n \n\n")).toEqual([]);
  });

  it("names the line of the row with a quote left open", () => {
    const error = syntaxError('a,b\n\n"c\nd,e');
    expect(error.line).toBe(3);
    expect(error.message).toBe("Line 3: a quoted field is not closed");
    expect(error.name).toBe("CsvSyntaxError");
  });

  it("refuses a quote inside an unquoted field, and text after a closing quote", () => {
    expect(syntaxError('x\n"multi\nline"\nab"c').message).toBe(
      "Line 4: a quote must start its field",
    );
    expect(syntaxError('"a"b').message).toBe("Line 1: a closing quote must end its field");
  });
});
