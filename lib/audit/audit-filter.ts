import { z } from "zod";

/**
 * The audit log's filters as the URL spells them (`from`, `to`, `person`, `event`, `order`,
 * `page`): one schema read by the page, its form and the CSV route, so the file is exactly the
 * list. Dates are whole days in UTC, `to` included. Pure and client-safe.
 */

export const AUDIT_PAGE_SIZE = 50;

const day = z.iso.date({ error: "Enter a date as YYYY-MM-DD" });

export const auditFilterSchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    person: z.uuid({ error: "Choose a person from the list" }).optional(),
    event: z
      .string()
      .trim()
      .min(1)
      .max(200, { error: "An event id is at most 200 characters" })
      .optional(),
    order: z
      .enum(["oldest", "newest"], { error: "Choose oldest or newest first" })
      .default("oldest"),
    page: z.coerce
      .number({ error: "A page is a number" })
      .int({ error: "A page is a whole number" })
      .min(1, { error: "Pages start at 1" })
      .max(100_000, { error: "There are not that many pages" })
      .default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    error: "The end date is before the start date",
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
export type AuditFilterField = "from" | "to" | "person" | "event" | "order" | "page";
/** What the form shows back: the text as it was typed. */
export type AuditFilterValues = Partial<Record<AuditFilterField, string>>;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const FIELDS: AuditFilterField[] = ["from", "to", "person", "event", "order", "page"];

/** The URL's filter values: first of each, trimmed, empty ones left out. */
export function auditFilterValues(params: SearchParamsRecord): AuditFilterValues {
  const values: AuditFilterValues = {};
  for (const field of FIELDS) {
    const raw = params[field];
    const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (text) values[field] = text;
  }
  return values;
}

export type ParsedAuditFilter =
  | { ok: true; filter: AuditFilter; values: AuditFilterValues }
  | {
      ok: false;
      fieldErrors: Partial<Record<AuditFilterField, string>>;
      values: AuditFilterValues;
    };

export function parseAuditFilter(params: SearchParamsRecord): ParsedAuditFilter {
  const values = auditFilterValues(params);
  const parsed = auditFilterSchema.safeParse(values);
  if (parsed.success) return { ok: true, filter: parsed.data, values };
  const fieldErrors: Partial<Record<AuditFilterField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AuditFilterField;
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values };
}

/** The instants the dates stand for: from the start of `from` to before the day after `to`. */
export function auditFilterRange(filter: Pick<AuditFilter, "from" | "to">): {
  since?: Date;
  before?: Date;
} {
  const since = filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined;
  const before = filter.to
    ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)
    : undefined;
  return { since, before };
}

/** The filter as a query string, defaults left out; `page` only when asked for. */
export function auditFilterQuery(
  filter: AuditFilter,
  options: { page?: boolean } = {},
): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.from) query.set("from", filter.from);
  if (filter.to) query.set("to", filter.to);
  if (filter.person) query.set("person", filter.person);
  if (filter.event) query.set("event", filter.event);
  if (filter.order !== "oldest") query.set("order", filter.order);
  if (options.page && filter.page > 1) query.set("page", String(filter.page));
  return query;
}
