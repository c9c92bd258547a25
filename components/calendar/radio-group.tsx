"use client";

import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { toggleItemClassName } from "./toggle-item";

export interface RadioGroupProps<Value extends string> {
  /** The group's accessible name. */
  label: string;
  value: Value;
  options: ReadonlyArray<{ value: Value; label: ReactNode }>;
  onChange: (value: Value) => void;
  describedBy?: string;
  className?: string;
}

const PREVIOUS = new Set(["ArrowLeft", "ArrowUp"]);
const NEXT = new Set(["ArrowRight", "ArrowDown"]);

/**
 * Buttons as one radio group, in place of Radix's toggle group (docs/decisions/0089): one tab
 * stop (the checked option), arrow keys, Home and End move the focus round the group, and Space,
 * Enter or a click choose. Choosing navigates (a new URL), so arrows only move the focus, as the
 * toggle group did, rather than loading a page at every key press.
 */
export function RadioGroup<Value extends string>({
  label,
  value,
  options,
  onChange,
  describedBy,
  className = "flex flex-wrap gap-2",
}: RadioGroupProps<Value>) {
  const groupRef = useRef<HTMLDivElement>(null);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const radios = [...(groupRef.current?.querySelectorAll<HTMLElement>('[role="radio"]') ?? [])];
    const at = radios.indexOf(event.target as HTMLElement);
    if (at === -1) return;
    let next: number;
    if (PREVIOUS.has(event.key)) next = (at - 1 + radios.length) % radios.length;
    else if (NEXT.has(event.key)) next = (at + 1) % radios.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = radios.length - 1;
    else return;
    event.preventDefault();
    radios[next]?.focus();
  };

  return (
    <div
      ref={groupRef}
      role="radiogroup"
      aria-label={label}
      aria-describedby={describedBy}
      onKeyDown={moveFocus}
      className={className}
    >
      {options.map((option) => {
        const checked = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            data-state={checked ? "on" : "off"}
            tabIndex={checked ? 0 : -1}
            onClick={() => {
              if (!checked) onChange(option.value);
            }}
            className={toggleItemClassName}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
