"use client";

import { useId, useState, type KeyboardEvent, type Ref } from "react";
import { useFieldControlProps } from "@/components/ui/field";
import { controlClassName } from "@/components/ui/control-class-name";
import { classNames } from "@/components/ui/class-names";
import { addEmails } from "./add-emails";

export interface EmailChipsInputProps {
  value: string[];
  onChange: (emails: string[]) => void;
  onBlur?: () => void;
  /** Shown first as a fixed chip (the signed-in user, whom Indeed adds itself). */
  fixed?: { email: string; label: string };
  /** Addresses that count as already there (e.g. the event's interviewers). */
  existing?: string[];
  placeholder?: string;
  disabled?: boolean;
  /** The text box (react-hook-form focuses it on an error). */
  ref?: Ref<HTMLInputElement>;
  /**
   * For a form that posts: each email in a hidden input of this name, and the text box as
   * `${name}Draft`, so what was typed but not yet added is posted too (without JavaScript).
   */
  name?: string;
}

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Emails as chips: type an address and press Enter, comma or Tab (or paste several). The
 * same address in another case is not added twice; Backspace in the empty box removes the
 * last chip. Chips that are not valid addresses stay, marked, so the form's schema can say why.
 */
export function EmailChipsInput({
  value,
  onChange,
  onBlur,
  fixed,
  existing = [],
  placeholder = "name@example.com",
  disabled,
  ref,
  name,
}: EmailChipsInputProps) {
  const field = useFieldControlProps();
  const [draft, setDraft] = useState("");
  const [notice, setNotice] = useState("");
  const listId = useId();

  function add(text: string) {
    const result = addEmails(value, text, [...existing, ...(fixed ? [fixed.email] : [])]);
    if (result.added.length > 0) onChange(result.emails);
    setNotice(
      [
        result.added.length > 0 ? `Added ${result.added.join(", ")}.` : "",
        result.skipped.length > 0
          ? `${result.skipped.join(", ")} ${result.skipped.length === 1 ? "is" : "are"} already on the list.`
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
    setDraft("");
  }

  function remove(email: string) {
    onChange(value.filter((entry) => entry !== email));
    setNotice(`Removed ${email}.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === "Enter" || event.key === ",") && draft.trim()) {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Enter") {
      // An empty box: Enter should not submit the form by surprise while adding people.
      event.preventDefault();
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      remove(value[value.length - 1]!);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <ul id={listId} aria-label="Interviewers added" className="flex flex-wrap gap-2 empty:hidden">
        {fixed && (
          <li className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800 ring-1 ring-slate-300">
            {fixed.label}
          </li>
        )}
        {value.map((email) => {
          const invalid = !LOOKS_LIKE_EMAIL.test(email);
          return (
            <li
              key={email}
              className={classNames(
                "inline-flex items-center gap-1 rounded-full py-1 pr-1 pl-3 text-sm ring-1",
                invalid
                  ? "bg-red-50 text-red-800 ring-red-300"
                  : "bg-brand-50 text-brand-800 ring-brand-100",
              )}
            >
              {email}
              {invalid && <span className="sr-only"> (not a valid address)</span>}
              <button
                type="button"
                onClick={() => remove(email)}
                disabled={disabled}
                aria-label={`Remove ${email}`}
                className="rounded-full p-1 hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 20 20"
                  fill="currentColor"
                  className="size-3.5"
                >
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </button>
            </li>
          );
        })}
      </ul>
      {name && value.map((email) => <input key={email} type="hidden" name={name} value={email} />)}
      <input
        ref={ref}
        name={name && `${name}Draft`}
        type="text"
        autoComplete="off"
        inputMode="email"
        {...field}
        value={draft}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={(event) => {
          const text = event.clipboardData.getData("text");
          if (/[\s,;]/.test(text.trim())) {
            event.preventDefault();
            add(text);
          }
        }}
        onBlur={() => {
          if (draft.trim()) add(draft);
          onBlur?.();
        }}
        className={classNames(controlClassName, "h-10")}
      />
      <p aria-live="polite" className="sr-only">
        {notice}
      </p>
    </div>
  );
}
