import { Button } from "@/components/ui/button";
import { REVIEW_EXPIRY_WINDOW_DAYS } from "@/lib/calendar/recording";
import { type ReviewState, serializeReviewState } from "@/lib/calendar/search-params";

const FILTERS = [
  { name: "pending", label: "Decision pending" },
  { name: "recording", label: "Has a recording" },
  { name: "expiring", label: `Recording expires within ${REVIEW_EXPIRY_WINDOW_DAYS} days` },
] as const satisfies ReadonlyArray<{ name: keyof ReviewState; label: string }>;

/**
 * The queue's filters as a plain GET form, so they work before (and without) JavaScript: the
 * range rides along in hidden fields, and a new filter starts again from the first page.
 */
export function ReviewFilters({ state }: { state: ReviewState }) {
  const rangeOnly = serializeReviewState({
    range: state.range,
    pending: false,
    recording: false,
    expiring: false,
    cursors: [],
  });
  return (
    <form method="get" action="/reviews" className="flex flex-wrap items-end gap-x-6 gap-y-3">
      {[...rangeOnly.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">
          Show only interviews with
        </legend>
        {FILTERS.map((filter) => (
          <label key={filter.name} className="flex items-center gap-2 text-sm text-slate-900">
            <input
              type="checkbox"
              name={filter.name}
              value="1"
              defaultChecked={state[filter.name]}
              className="size-4 rounded border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            />
            {filter.label}
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="outline" size="sm">
        Apply filters
      </Button>
    </form>
  );
}
