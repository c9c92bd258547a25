import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { controlClassName } from "@/components/ui/input";
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
      <div className="flex flex-col gap-1.5">
        <label htmlFor="applications-job" className="text-sm font-medium text-slate-900">
          Job
        </label>
        <select
          id="applications-job"
          name="job"
          defaultValue={values.job ?? ""}
          className={`${controlClassName} h-10 pr-8`}
        >
          <option value="">All jobs</option>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>
              {job.title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="applications-stage" className="text-sm font-medium text-slate-900">
          Stage
        </label>
        <select
          id="applications-stage"
          name="stage"
          defaultValue={values.stage ?? ""}
          className={`${controlClassName} h-10 pr-8`}
        >
          <option value="">All stages</option>
          {APPLICATION_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">Apply</Button>
      {(values.q || values.job || values.stage) && (
        <Link href="/applications" className={buttonClassName({ variant: "ghost" })}>
          Clear
        </Link>
      )}
    </form>
  );
}
