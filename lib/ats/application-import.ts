import { z } from "zod";
import { CsvSyntaxError, parseCsv } from "./parse-csv";

/**
 * Validates an applications CSV (columns application_id, applicant_name, applicant_email,
 * job_id, job_title, in any order) row by row. Pure: the server action adds the checks that
 * need the database (application ids that already exist).
 */

export const IMPORT_COLUMNS = [
  "application_id",
  "applicant_name",
  "applicant_email",
  "job_id",
  "job_title",
] as const;
export const MAX_IMPORT_ROWS = 1000;

export const importRowSchema = z.object({
  application_id: z
    .string()
    .trim()
    .min(1, "application_id is empty")
    .max(64, "application_id is longer than 64 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "application_id may use only letters, digits, - and _"),
  applicant_name: z
    .string()
    .trim()
    .min(1, "applicant_name is empty")
    .max(200, "applicant_name is too long"),
  applicant_email: z.string().trim().pipe(z.email("applicant_email is not a valid email address")),
  job_id: z.string().trim().min(1, "job_id is empty").max(100, "job_id is too long"),
  job_title: z.string().trim().min(1, "job_title is empty").max(200, "job_title is too long"),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export interface ImportPreviewRow {
  line: number;
  values: Record<(typeof IMPORT_COLUMNS)[number], string>;
  errors: string[];
}

export interface ImportPreview {
  /** Problems with the file itself (missing columns, syntax). */
  fileErrors: string[];
  rows: ImportPreviewRow[];
  /** True when the file has rows and neither the file nor any row has an error. */
  valid: boolean;
}

export function previewApplicationsCsv(text: string): ImportPreview {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { fileErrors: [error.message], rows: [], valid: false };
    throw error;
  }
  const [header, ...body] = parsed;
  if (!header)
    return {
      fileErrors: ["The file is empty. Paste or upload a CSV with a header row."],
      rows: [],
      valid: false,
    };

  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      fileErrors: [
        `The header row lacks ${missing.join(", ")}. Expected columns: ${IMPORT_COLUMNS.join(", ")}.`,
      ],
      rows: [],
      valid: false,
    };
  }
  if (body.length === 0)
    return { fileErrors: ["The file has a header but no applications."], rows: [], valid: false };
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      fileErrors: [
        `At most ${MAX_IMPORT_ROWS} applications per import; this file has ${body.length}.`,
      ],
      rows: [],
      valid: false,
    };
  }

  const seenApplications = new Map<string, number>();
  const jobTitles = new Map<string, { title: string; line: number }>();
  const rows = body.map(({ line, cells }): ImportPreviewRow => {
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((column) => [column, (cells[names.indexOf(column)] ?? "").trim()]),
    ) as ImportPreviewRow["values"];
    const errors: string[] = [];
    if (cells.length !== names.length)
      errors.push(`has ${cells.length} fields; the header has ${names.length}`);
    const result = importRowSchema.safeParse(values);
    if (!result.success) errors.push(...result.error.issues.map((issue) => issue.message));

    const key = values.application_id.toLowerCase();
    const firstLine = seenApplications.get(key);
    if (firstLine !== undefined)
      errors.push(`application_id ${values.application_id} is also on line ${firstLine}`);
    else seenApplications.set(key, line);

    const job = jobTitles.get(values.job_id);
    if (job && job.title !== values.job_title) {
      errors.push(`job ${values.job_id} is titled “${job.title}” on line ${job.line}`);
    } else if (!job && values.job_id) {
      jobTitles.set(values.job_id, { title: values.job_title, line });
    }
    return { line, values, errors };
  });
  return { fileErrors: [], rows, valid: rows.every((row) => row.errors.length === 0) };
}
