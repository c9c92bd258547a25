"use client";

import { useEffect, useRef } from "react";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";

export interface TimeZoneFieldProps {
  id: string;
  label: string;
  description: string;
  error?: string;
  options: ComboboxOption[];
  value: string;
  onValueChange: (zone: string) => void;
  onBlur: () => void;
  /** Focus the trigger when mounted (it replaced the stand-in that had focus). */
  focus: boolean;
  /** Open the list when mounted (the stand-in was pressed before this chunk arrived). */
  open: boolean;
}

/** The create form's time zone: the searchable Combobox (cmdk, Radix Popover), fetched when used. */
export function TimeZoneField({
  id,
  label,
  description,
  error,
  options,
  value,
  onValueChange,
  onBlur,
  focus,
  open,
}: TimeZoneFieldProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  // On mount (the props do not change): take over from the stand-in as the user left it.
  useEffect(() => {
    if (focus || open) trigger.current?.focus();
    if (open) trigger.current?.click();
  }, [focus, open]);
  return (
    <Field id={id} label={label} required description={description} error={error}>
      <Combobox
        ref={trigger}
        options={options}
        value={value}
        onValueChange={(zone) => onValueChange(zone ?? "")}
        onBlur={onBlur}
        placeholder="Pick a time zone"
        searchPlaceholder="Search time zones"
      />
    </Field>
  );
}
