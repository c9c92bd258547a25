"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CalendarDate } from "@/lib/calendar/calendar-date";
import { customRange, RANGE_PRESET_LABELS, type RangePreset } from "@/lib/calendar/range";
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

/**
 * Preset buttons (a radio group: arrow keys move, the pressed one is filled) and a custom
 * range of two native date inputs, applied with a button so that typing a date does not
 * navigate on every keystroke.
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
  const [from, setFrom] = useState(initial?.from ?? "");
  const [to, setTo] = useState(initial?.to ?? "");
  const [submitted, setSubmitted] = useState(false);
  const formId = useId();

  const checked = customRange(from, to, "UTC");
  // An end before the start is shown as soon as both are filled; a missing date only on Apply.
  const error =
    !checked.ok && (submitted || (from && to && checked.field === "to")) ? checked : undefined;

  const choose = (picked: Preset | "custom") => {
    setMode(picked);
    setSubmitted(false);
    if (picked !== "custom") onChange({ preset: picked });
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (checked.ok) {
      onChange({ preset: "custom", from: checked.range.firstDay, to: checked.range.lastDay });
    }
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
        <form
          aria-label="Custom date range"
          onSubmit={apply}
          noValidate
          className="flex flex-wrap items-start gap-3"
        >
          <Field
            id={`${formId}-from`}
            label="From"
            error={error?.field === "from" ? error.message : undefined}
          >
            <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field
            id={`${formId}-to`}
            label="To (inclusive)"
            error={error?.field === "to" ? error.message : undefined}
          >
            <Input
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="outline" className="mt-6">
            Apply
          </Button>
        </form>
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
