"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CalendarDate } from "@/lib/calendar/calendar-date";
import { customRange } from "@/lib/calendar/range";

/**
 * A custom range: two native date inputs, applied with a button so that typing a date does not
 * navigate on every keystroke. An end before the start is shown as soon as both are filled; a
 * missing date only on Apply.
 */
export function CustomRangeForm({
  initial,
  onApply,
}: {
  /** The URL's custom range, or the days shown now when the form is first opened. */
  initial?: { from: CalendarDate; to: CalendarDate };
  onApply: (range: { preset: "custom"; from: CalendarDate; to: CalendarDate }) => void;
}) {
  const [from, setFrom] = useState<string>(initial?.from ?? "");
  const [to, setTo] = useState<string>(initial?.to ?? "");
  const [submitted, setSubmitted] = useState(false);
  const formId = useId();

  const checked = customRange(from, to, "UTC");
  const error =
    !checked.ok && (submitted || (from && to && checked.field === "to")) ? checked : undefined;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (checked.ok) {
      onApply({ preset: "custom", from: checked.range.firstDay, to: checked.range.lastDay });
    }
  };

  return (
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
  );
}
