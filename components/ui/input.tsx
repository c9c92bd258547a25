"use client";

import type { ComponentProps } from "react";
import { classNames } from "./class-names";
import { useFieldControlProps } from "./field";

export const controlClassName =
  "block w-full rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 shadow-sm " +
  "placeholder:text-slate-500 focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 " +
  "aria-invalid:border-red-700 aria-invalid:focus-visible:outline-red-700";

/** A text input; inside a <Field> it picks up its id, description, error and invalid state. */
export function Input({ className, ...props }: ComponentProps<"input">) {
  const field = useFieldControlProps();
  return (
    <input className={classNames(controlClassName, "h-10", className)} {...field} {...props} />
  );
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  const field = useFieldControlProps();
  return (
    <textarea
      className={classNames(controlClassName, "min-h-24 py-2", className)}
      {...field}
      {...props}
    />
  );
}
