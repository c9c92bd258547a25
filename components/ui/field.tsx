"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { FieldFrame, fieldControlProps, fieldIds, type FieldIds } from "./field-frame";

const FieldContext = createContext<FieldIds | null>(null);

/**
 * The props a control inside a <Field> needs: its id (the label points at it), the ids of the
 * description and error it is described by, and its invalid state. Outside a Field, nothing.
 */
export function useFieldControlProps(): Partial<ReturnType<typeof fieldControlProps>> {
  const field = useContext(FieldContext);
  return field ? fieldControlProps(field) : {};
}

export interface FieldProps {
  label: ReactNode;
  /** Help shown under the label, read with the control. */
  description?: ReactNode;
  /** The error for this field; shown inline and read with the control. */
  error?: string;
  required?: boolean;
  /** Overrides the generated control id (the label's `htmlFor`). */
  id?: string;
  className?: string;
  children: ReactNode;
}

/** A labelled form control with optional help and an inline error, wired for assistive tech. */
export function Field({
  label,
  description,
  error,
  required = false,
  id,
  className,
  children,
}: FieldProps) {
  const generated = useId();
  const ids = fieldIds(id ?? `field-${generated}`, { description, error, required });
  return (
    <FieldContext.Provider value={ids}>
      <FieldFrame
        ids={ids}
        label={label}
        description={description}
        error={error}
        className={className}
      >
        {children}
      </FieldFrame>
    </FieldContext.Provider>
  );
}
