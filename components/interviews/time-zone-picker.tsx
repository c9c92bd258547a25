"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { controlClassName } from "@/components/ui/control-class-name";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";
import { ChevronDown } from "@/components/ui/icons";
import type * as TimeZoneFieldParts from "./time-zone-field";
import type { TimeZoneFieldProps } from "./time-zone-field";

type TimeZoneFieldModule = typeof TimeZoneFieldParts;
let loading: Promise<TimeZoneFieldModule> | undefined;
const waiting = new Set<(module: TimeZoneFieldModule) => void>();

/** Starts fetching the searchable picker (cmdk, Radix Popover); the form calls it on first use. */
export const preloadTimeZoneField = () =>
  (loading ??= import("./time-zone-field").then((module) => {
    for (const take of waiting) take(module);
    return module;
  }));

/**
 * The time zone field. Until the searchable picker has arrived it is a stand-in with the same
 * label, look and ARIA (a combobox button showing the zone) opened by click, Enter, Space or
 * ArrowDown; then the picker takes over, focused and open if the stand-in was being used
 * (ADR 0087, as the account menu does in ADR 0053). The value is posted in a hidden input.
 */
export function TimeZonePicker(
  props: Omit<TimeZoneFieldProps, "focus" | "open"> & { name: string },
) {
  const [picker, setPicker] = useState<{
    module: TimeZoneFieldModule;
    focus: boolean;
    open: boolean;
  } | null>(null);
  const standIn = useRef<HTMLButtonElement>(null);
  const openWhenHere = useRef(false);

  // Whoever started the fetch (this stand-in, or the form on first focus), take over once it is here.
  useEffect(() => {
    const take = (module: TimeZoneFieldModule) =>
      setPicker(
        (taken) =>
          taken ?? {
            module,
            focus: document.activeElement === standIn.current,
            open: openWhenHere.current,
          },
      );
    waiting.add(take);
    if (loading) void loading.then(take);
    return () => void waiting.delete(take);
  }, []);
  function load(open: boolean) {
    if (open) openWhenHere.current = true;
    void preloadTimeZoneField();
  }

  const hidden = <input type="hidden" name={props.name} value={props.value} />;
  if (picker)
    return (
      <>
        <picker.module.TimeZoneField {...props} focus={picker.focus} open={picker.open} />
        {hidden}
      </>
    );
  const ids = fieldIds(props.id, {
    description: props.description,
    error: props.error,
    required: true,
  });
  const selected = props.options.find((option) => option.value === props.value);
  return (
    <FieldFrame ids={ids} label={props.label} description={props.description} error={props.error}>
      <button
        ref={standIn}
        type="button"
        role="combobox"
        aria-expanded={false}
        // Closed, like the Combobox it stands in for: no list exists yet for it to control.
        aria-controls={undefined}
        aria-haspopup="listbox"
        {...fieldControlProps(ids)}
        onPointerEnter={() => load(false)}
        onFocus={() => load(false)}
        onBlur={props.onBlur}
        onClick={() => load(true)}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            load(true);
          }
        }}
        className={`${controlClassName} flex h-10 items-center justify-between gap-2 text-left`}
      >
        <span className="truncate">{selected?.label ?? props.value}</span>
        <ChevronDown />
      </button>
      {hidden}
    </FieldFrame>
  );
}
