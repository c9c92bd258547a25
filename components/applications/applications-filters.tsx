import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { controlClassName } from "@/components/ui/control-class-name";
import { APPLICATION_STAGES, STAGE_LABELS } from "@/lib/ats/application-stages";

export interface ApplicationsFilterValues {
  q?: string;
  job?: string;
  stage?: string;
}

/**
 * Search and filters as a plain GET form: the URL holds the state, so results can be linked,
 * bookmarked and used without JavaScript.
 */
export function ApplicationsFilters({
  values,
  jobs,
}: {
  values: ApplicationsFilterValues;
  jobs: { id: string; title: string }[];
}) {
  return (
    <form
      role="search"
      aria-label="Applications"
      method="get"
      action="/applications"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="flex min-w-64 flex-1 flex-col gap-1.5">
        <label htmlFor="applications-q" className="text-sm font-medium text-slate-900">
          Search
        </label>
        <input
          id="applications-q"
          name="q"
          type="search"
          defaultValue={values.q}
          placeholder="Name, email or application id"
          className={`${controlClassName} h-10`}
        />
      </div>
      <FilterSelect
        name="job"
        label="Job"
        allLabel="All jobs"
        value={values.job}
        options={jobs.map((job) => ({ value: job.id, label: job.title }))}
      />
      <FilterSelect
        name="stage"
        label="Stage"
        allLabel="All stages"
        value={values.stage}
        options={APPLICATION_STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))}
      />
      <Button type="submit">Apply</Button>
      {(values.q || values.job || values.stage) && (
        <Link href="/applications" className={buttonClassName({ variant: "ghost" })}>
          Clear
        </Link>
      )}
    </form>
  );
}

/** A labelled native select whose empty first option means "no filter". */
function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  const id = `applications-${name}`;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className={`${controlClassName} h-10 pr-8`}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
