"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { classNames } from "./class-names";
import { Label } from "./label";

interface FieldIds {
  controlId: string;
  descriptionId?: string;
  errorId?: string;
  invalid: boolean;
  required: boolean;
}

const FieldContext = createContext<FieldIds | null>(null);

/**
 * The props a control inside a <Field> needs: its id (the label points at it), the ids of the
 * description and error it is described by, and its invalid state. Outside a Field, nothing.
 */
export function useFieldControlProps(): {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
} {
  const field = useContext(FieldContext);
  if (!field) return {};
  const describedBy = [field.descriptionId, field.errorId].filter(Boolean).join(" ");
  return {
    id: field.controlId,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": field.invalid || undefined,
    "aria-required": field.required || undefined,
  };
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
  const controlId = id ?? `field-${generated}`;
  const ids: FieldIds = {
    controlId,
    descriptionId: description ? `${controlId}-description` : undefined,
    errorId: error ? `${controlId}-error` : undefined,
    invalid: Boolean(error),
    required,
  };
  return (
    <FieldContext.Provider value={ids}>
      <div className={classNames("flex flex-col gap-1.5", className)}>
        <div className="flex items-baseline gap-0.5">
          <Label htmlFor={controlId}>{label}</Label>
          {/* Outside the label so the control's name stays exactly the label's words. */}
          {required && (
            <span aria-hidden="true" className="text-sm text-red-700">
              *
            </span>
          )}
        </div>
        {description && (
          <p id={ids.descriptionId} className="text-sm text-slate-600">
            {description}
          </p>
        )}
        {children}
        <FieldError id={ids.errorId}>{error}</FieldError>
      </div>
    </FieldContext.Provider>
  );
}

/** The live region stays mounted so that a newly shown error is announced. */
function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  return (
    <p aria-live="polite" className="min-h-0 text-sm text-red-700 empty:hidden">
      {children && (
        <span id={id} className="flex items-start gap-1">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            fill="currentColor"
            className="mt-0.5 size-4 shrink-0"
          >
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          {children}
        </span>
      )}
    </p>
  );
}
