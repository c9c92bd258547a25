"use client";

import { useId, type ChangeEvent, type ReactNode } from "react";
import { controlClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { classNames } from "@/components/ui/class-names";
import type { CalendarState } from "@/lib/calendar/search-params";
import { withDisplayChange, withQueryChange } from "@/lib/calendar/search-query";
import { RadioGroup } from "./radio-group";

function LabelledSelect<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value;
  options: ReadonlyArray<readonly [Value, string]>;
  onChange: (value: Value) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {/* Uncontrolled so the choice shows at once; a new URL (the key) resets it. */}
      <select
        key={value}
        id={id}
        defaultValue={value}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as Value)}
        className={classNames(controlClassName, "h-10 w-auto pr-8")}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * What the calendar asks Indeed (which time falls in the range, the order) and how it shows the
 * answer (agenda or week, canceled interviews). A query change restarts paging; a display
 * change keeps the page (lib/calendar/search-params.ts).
 */
export function CalendarToolbar({
  state,
  onChange,
  children,
}: {
  state: CalendarState;
  onChange: (next: CalendarState) => void;
  /** The zone switch, once the viewer's zone is known. */
  children?: ReactNode;
}) {
  const canceledId = useId();
  return (
    <div className="flex flex-wrap items-end gap-4">
      <LabelledSelect
        label="Times in range"
        value={state.field}
        options={[
          ["start", "Start time"],
          ["end", "End time"],
        ]}
        onChange={(field) => onChange(withQueryChange(state, { field }))}
      />
      <LabelledSelect
        label="Sort by"
        value={state.sort}
        options={[
          ["startTime", "Start time"],
          ["endTime", "End time"],
          ["status", "Status"],
        ]}
        onChange={(sort) => onChange(withQueryChange(state, { sort }))}
      />
      <LabelledSelect
        label="Order"
        value={state.dir}
        options={[
          ["asc", "Ascending"],
          ["desc", "Descending"],
        ]}
        onChange={(dir) => onChange(withQueryChange(state, { dir }))}
      />
      <RadioGroup
        label="View"
        value={state.view}
        options={[
          { value: "agenda", label: "Agenda" },
          { value: "week", label: "Week" },
        ]}
        onChange={(view) => onChange(withDisplayChange(state, { view }))}
        className="flex gap-2"
      />
      <div className="flex h-10 items-center gap-2">
        <input
          key={state.canceled}
          id={canceledId}
          type="checkbox"
          defaultChecked={state.canceled === "show"}
          onChange={(event) =>
            onChange(withDisplayChange(state, { canceled: event.target.checked ? "show" : "hide" }))
          }
          className="size-4 rounded border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        />
        <Label htmlFor={canceledId}>Show canceled interviews</Label>
      </div>
      {children}
    </div>
  );
}
