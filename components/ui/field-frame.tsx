import type { ReactNode } from "react";
import { classNames } from "./class-names";

// A field's markup without client code: <Field> (a client component, for controls that read
// their ids from context) renders through it, and server-rendered forms use it directly with
// `fieldIds` and `fieldControlProps`, so a page can have labelled, described fields and ship
// no form code.

export interface FieldIds {
  controlId: string;
  descriptionId?: string;
  errorId?: string;
  invalid: boolean;
  required: boolean;
}

/** The ids a field with this control id, help and error uses. */
export function fieldIds(
  controlId: string,
  {
    description,
    error,
    required = false,
  }: { description?: unknown; error?: string; required?: boolean },
): FieldIds {
  return {
    controlId,
    descriptionId: description ? `${controlId}-description` : undefined,
    errorId: error ? `${controlId}-error` : undefined,
    invalid: Boolean(error),
    required,
  };
}

/** The props the field's control needs: its id, what describes it, its invalid state. */
export function fieldControlProps(ids: FieldIds): {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
} {
  const describedBy = [ids.descriptionId, ids.errorId].filter(Boolean).join(" ");
  return {
    id: ids.controlId,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": ids.invalid || undefined,
    "aria-required": ids.required || undefined,
  };
}

/** Label, required mark, help, the control (children) and the inline error. */
export function FieldFrame({
  ids,
  label,
  description,
  error,
  className,
  children,
}: {
  ids: FieldIds;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={classNames("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={ids.controlId} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        {/* Outside the label so the control's name stays exactly the label's words. */}
        {ids.required && (
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
