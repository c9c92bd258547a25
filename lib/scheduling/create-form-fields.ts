import type { CreateInterviewFormValues } from "./interview-schemas";

/**
 * The create form's field names and where the route's variable paths land among them. Zod-free,
 * so the create form's page can map Indeed's field errors without loading the schemas.
 */

export type CreateInterviewField = keyof CreateInterviewFormValues;

/** Which create-form field a variable path (from zod or the route's `fieldErrors`) concerns. */
export function createFormFieldForPath(path: string): CreateInterviewField | undefined {
  const key = path.replace(/^input\./, "");
  if (key.startsWith("interviewers")) return "interviewers";
  if (key === "interviewee.name") return "intervieweeName";
  if (key.startsWith("interviewee")) return "intervieweeEmail";
  const direct: Record<string, CreateInterviewField> = {
    startTime: "startTime",
    endTime: "endTime",
    title: "title",
    timezone: "timezone",
    languageCode: "languageCode",
    countryCode: "countryCode",
  };
  return direct[key];
}

/** Route or schema field errors keyed by variable path, as the form's fields show them (first wins). */
export function createFormFieldErrors(
  byPath: Record<string, string>,
): Partial<Record<CreateInterviewField | "root", string>> {
  const errors: Partial<Record<CreateInterviewField | "root", string>> = {};
  for (const [path, message] of Object.entries(byPath)) {
    const field = createFormFieldForPath(path);
    if (field) errors[field] ??= message;
  }
  return errors;
}
