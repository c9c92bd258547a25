import { describe, expect, it } from "vitest";
import { previewApplicationsCsv } from "./application-import";
import { parseCsv } from "./parse-csv";

const header = "application_id,applicant_name,applicant_email,job_id,job_title";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and CRLF", () => {
    const rows = parseCsv('a,"b, c","say ""hi"""\r\n"multi\nline",x,\r\n\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b, c", 'say "hi"'] },
      { line: 2, cells: ["multi\nline", "x", ""] },
    ]);
  });

  it("refuses an unclosed quote", () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(/not closed/);
  });
});

describe("previewApplicationsCsv", () => {
  it("accepts valid rows in any column order", () => {
    const preview = previewApplicationsCsv(
      "job_title,job_id,applicant_email,applicant_name,application_id\nEngineer,J-1,ada@example.com,Ada Lovelace,A-1\n",
    );
    expect(preview.valid).toBe(true);
    expect(preview.rows[0]?.values).toEqual({
      application_id: "A-1",
      applicant_name: "Ada Lovelace",
      applicant_email: "ada@example.com",
      job_id: "J-1",
      job_title: "Engineer",
    });
  });

  it("reports each row's problems with its line, and is invalid if any row is", () => {
    const preview = previewApplicationsCsv(
      [
        header,
        "A-1,Ada Lovelace,ada@example.com,J-1,Engineer",
        "bad id!,Bob,bob@,J-1,Engineer",
        "a-1,Ada Again,ada2@example.com,J-2,Designer",
        "A-3,Cy,cy@example.com,J-1,Chef",
      ].join("\n"),
    );
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((row) => [row.line, row.errors])).toEqual([
      [2, []],
      [
        3,
        [
          "application_id may use only letters, digits, - and _",
          "applicant_email is not a valid email address",
        ],
      ],
      [4, ["application_id a-1 is also on line 2"]],
      [5, ["job J-1 is titled “Engineer” on line 2"]],
    ]);
  });

  it("names missing columns and empty files", () => {
    expect(previewApplicationsCsv("application_id,applicant_name\nA,B").fileErrors[0]).toMatch(
      /lacks applicant_email, job_id, job_title/,
    );
    expect(previewApplicationsCsv("").fileErrors[0]).toMatch(/empty/);
    expect(previewApplicationsCsv(header).fileErrors[0]).toMatch(/no applications/);
  });
});
