"use client";

import { lazy, Suspense, useState } from "react";
import type { CalendarDate } from "@/lib/calendar/calendar-date";
import { RANGE_PRESET_LABELS, type RangePreset } from "@/lib/calendar/range";
import type { ReviewState } from "@/lib/calendar/search-params";
import {
  type RangeChoice,
  REVIEW_PRESETS,
  serializeReviewState,
} from "@/lib/calendar/search-query";
import { usePushQuery } from "./use-push-query";
import { RadioGroup } from "./radio-group";

export interface RangeControlsProps<Preset extends RangePreset> {
  value: RangeChoice<Preset>;
  presets: readonly Preset[];
  /** The days shown now, to fill the custom range's inputs when it is first opened. */
  shownDays?: { firstDay: CalendarDate; lastDay: CalendarDate };
  onChange: (choice: RangeChoice<Preset>) => void;
}

// The custom range's form (its fields and date checks) loads when it is chosen; it renders on
// the server with the page when the URL holds a custom range.
const CustomRangeForm = lazy(() =>
  import("./custom-range-form").then((module) => ({ default: module.CustomRangeForm })),
);

/**
 * Preset buttons (a radio group: arrow keys move, the pressed one is filled) and a custom
 * range of two native date inputs (./custom-range-form.tsx).
 */
export function RangeControls<Preset extends RangePreset>({
  value,
  presets,
  shownDays,
  onChange,
}: RangeControlsProps<Preset>) {
  const [mode, setMode] = useState<Preset | "custom">(value.preset);
  const initial =
    "from" in value ? value : shownDays && { from: shownDays.firstDay, to: shownDays.lastDay };

  const choose = (picked: Preset | "custom") => {
    setMode(picked);
    if (picked !== "custom") onChange({ preset: picked });
  };

  return (
    <div className="flex flex-col gap-3">
      <RadioGroup
        label="Date range"
        value={mode}
        options={[...presets, "custom" as const].map((preset) => ({
          value: preset,
          label: preset === "custom" ? "Custom range" : RANGE_PRESET_LABELS[preset],
        }))}
        onChange={choose}
      />
      {mode === "custom" && (
        <Suspense fallback={null}>
          <CustomRangeForm initial={initial} onApply={onChange} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * The review queue's range picker wired to the URL: a new range restarts paging. The state comes
 * from the server's parse, so the browser needs no zod here.
 */
export function RangePicker({
  state,
  shownDays,
}: {
  state: ReviewState;
  shownDays?: { firstDay: CalendarDate; lastDay: CalendarDate };
}) {
  const push = usePushQuery();
  return (
    <RangeControls
      value={state.range}
      presets={REVIEW_PRESETS}
      shownDays={shownDays}
      onChange={(range) => push(serializeReviewState({ ...state, range, cursors: [] }))}
    />
  );
}
