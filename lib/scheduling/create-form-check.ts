import { ambiguousTimeNote } from "./ambiguous-time";
import type { CreateInterviewField } from "./create-form-fields";
import {
  createInterviewFormSchema,
  createVariablesFrom,
  type CreateInterviewFormOptions,
  type CreateInterviewFormValues,
} from "./interview-schemas";
import type { OperationVariables } from "./operations";
import { resolveLocalTime, toLocalParts } from "./time";

/**
 * The create form checked on the server (ADR 0087): the page ships no schema, so its server
 * action reads the post, checks it with the form's schema (createInterviewFormSchema, the one
 * the route's rules are part of) and answers what each field shows.
 */

/** A message per field, and `root` for one no field owns. */
export type CreateFormErrors = Partial<Record<CreateInterviewField | "root", string>>;

/** What the create form's server action answers. */
export interface CreateFormState {
  /** What was posted, shown again when the form is rendered from this answer (no JavaScript). */
  values?: CreateInterviewFormValues;
  fieldErrors?: CreateFormErrors;
  /** What an ambiguous start time will mean (it happens twice when the clocks go back). */
  note?: string;
  /** The CreateInterview variables, when every check passed. */
  variables?: OperationVariables<"CreateInterview">;
  /** The end a length button asked for. */
  end?: { endDate: string; endTime: string };
}

const TEXT_FIELDS = [
  "title",
  "date",
  "startTime",
  "endDate",
  "endTime",
  "timezone",
  "intervieweeName",
  "intervieweeEmail",
  "languageCode",
  "countryCode",
] as const satisfies readonly CreateInterviewField[];

/** The posted form as the schema's input: each text field once, the interviewers as posted. */
export function createFormValuesFrom(form: FormData): CreateInterviewFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Omit<
    CreateInterviewFormValues,
    "interviewers"
  >;
  const interviewers = form.getAll("interviewers").filter((v) => typeof v === "string");
  return { ...values, interviewers };
}

/** Checks the values; `variables` only when nothing was refused. */
export function checkCreateForm(
  values: CreateInterviewFormValues,
  options: CreateInterviewFormOptions,
): Pick<CreateFormState, "fieldErrors" | "note" | "variables"> {
  const note = ambiguousTimeNote(values.date, values.startTime, values.timezone);
  const parsed = createInterviewFormSchema(options).safeParse(values);
  if (parsed.success)
    return { fieldErrors: {}, note, variables: createVariablesFrom(parsed.data, options) };
  const fieldErrors: CreateFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] ?? "root") as keyof CreateFormErrors;
    fieldErrors[field] ??= issue.message;
  }
  return { fieldErrors, note };
}

/** The end `minutes` after the start, in the form's zone; undefined while the start is not valid. */
export function endAfter(
  values: Pick<CreateInterviewFormValues, "date" | "startTime" | "timezone">,
  minutes: number,
): CreateFormState["end"] {
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 24 * 60) return undefined;
  const start = resolveLocalTime(values.date, values.startTime, values.timezone);
  if (!start.ok) return undefined;
  const end = toLocalParts(new Date(start.instant.getTime() + minutes * 60_000), values.timezone);
  return { endDate: end.date, endTime: end.time };
}
