"use client";

import { Command } from "cmdk";
import { Popover } from "radix-ui";
import { useId, useState, type Ref } from "react";
import { classNames } from "./class-names";
import { useFieldControlProps } from "./field";
import { controlClassName } from "./input";
import { CheckMark, ChevronDown } from "./icons";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Extra words the search matches (e.g. an abbreviation or an offset). */
  keywords?: string[];
}

export interface ComboboxProps {
  options: readonly ComboboxOption[];
  value: string | undefined;
  onValueChange: (value: string | undefined) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: string;
  /** Offers a "clear" choice when the field is optional. */
  clearable?: boolean;
  disabled?: boolean;
  onBlur?: () => void;
  name?: string;
  /** The trigger button (react-hook-form focuses it on an error). */
  ref?: Ref<HTMLButtonElement>;
  /** Accessible name when the combobox is not inside a <Field>. */
  "aria-label"?: string;
  className?: string;
}

/**
 * A searchable single choice: a button that opens a popover with a filter box and a list
 * (cmdk). Keyboard: Enter/Space/ArrowDown opens, typing filters, arrows move, Enter picks,
 * Escape closes and returns focus to the button.
 */
export function Combobox({
  options,
  value,
  onValueChange,
  placeholder = "Choose…",
  searchPlaceholder = "Search…",
  emptyText = "No match.",
  clearable = false,
  disabled,
  onBlur,
  name,
  ref,
  className,
  ...aria
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const field = useFieldControlProps();
  const selected = options.find((option) => option.value === value);

  function choose(next: string | undefined) {
    onValueChange(next);
    setOpen(false);
  }

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          ref={ref}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-haspopup="listbox"
          disabled={disabled}
          onBlur={onBlur}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" && !open) {
              event.preventDefault();
              setOpen(true);
            }
          }}
          {...field}
          {...aria}
          className={classNames(
            controlClassName,
            "flex h-10 items-center justify-between gap-2 text-left",
            className,
          )}
        >
          <span className={classNames("truncate", !selected && "text-slate-600")}>
            {selected?.label ?? placeholder}
          </span>
          <ChevronDown />
        </button>
      </Popover.Trigger>
      {name && <input type="hidden" name={name} value={value ?? ""} />}
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-(--radix-popover-trigger-width) min-w-64 rounded-md border border-slate-200 bg-white shadow-lg"
        >
          <Command
            label={typeof aria["aria-label"] === "string" ? aria["aria-label"] : placeholder}
            filter={(itemValue, search, keywords) => {
              const haystack = [itemValue, ...(keywords ?? [])].join(" ").toLowerCase();
              return search
                .toLowerCase()
                .split(/\s+/)
                .every((word) => haystack.includes(word))
                ? 1
                : 0;
            }}
          >
            <Command.Input
              placeholder={searchPlaceholder}
              aria-label={searchPlaceholder}
              className="h-10 w-full border-b border-slate-200 px-3 text-sm text-slate-900 outline-none placeholder:text-slate-600"
            />
            <Command.List id={listId} className="max-h-64 overflow-y-auto p-1">
              <Command.Empty className="px-3 py-2 text-sm text-slate-600">
                {emptyText}
              </Command.Empty>
              {clearable && value !== undefined && (
                <Command.Item
                  value="__clear__"
                  keywords={["clear", "none"]}
                  onSelect={() => choose(undefined)}
                  className={itemClassName}
                >
                  <span className="pl-6 text-slate-700">Clear selection</span>
                </Command.Item>
              )}
              {options.map((option) => (
                <Command.Item
                  key={option.value}
                  value={`${option.label} ${option.value}`}
                  keywords={option.keywords}
                  onSelect={() => choose(option.value)}
                  className={itemClassName}
                >
                  <CheckMark
                    className={classNames(
                      "shrink-0",
                      option.value === value ? "visible" : "invisible",
                    )}
                  />
                  <span className="truncate">{option.label}</span>
                </Command.Item>
              ))}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

const itemClassName =
  "flex cursor-default items-center gap-2 rounded px-2 py-2 text-sm text-slate-900 select-none data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-800";
