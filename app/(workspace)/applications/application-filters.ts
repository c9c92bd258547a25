import { isApplicationStage } from "@/lib/ats/application-stages";
import type { ApplicationFilters } from "@/lib/ats/application-queries";

/** The URL's filters (`q`, `job`, `stage`, `page`), read the same way by the list and its CSV. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** A parameter's first value, trimmed and clipped; undefined when empty. */
export function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim().slice(0, 200) : undefined;
}

/** The filters as the URL spells them (for links and the form). */
export function filterValues(params: SearchParamsRecord) {
  return { q: single(params.q), job: single(params.job), stage: single(params.stage) };
}

/** The filters as the query takes them. */
export function queryFilters(values: ReturnType<typeof filterValues>): ApplicationFilters {
  return {
    query: values.q,
    jobId: values.job,
    stage: isApplicationStage(values.stage) ? values.stage : undefined,
  };
}
