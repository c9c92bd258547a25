import type { ComponentProps } from "react";
import { classNames } from "./class-names";

/** A native label in the form's label style: no client code, so server and client render it. */
export function Label({ className, ...props }: ComponentProps<"label">) {
  return (
    <label className={classNames("text-sm font-medium text-slate-900", className)} {...props} />
  );
}
