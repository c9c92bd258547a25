"use client";

import type { ComponentProps } from "react";
import { classNames } from "./class-names";
import { controlClassName } from "./control-class-name";
import { useFieldControlProps } from "./field";

export { controlClassName };

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
