import type { ReactNode } from "react";
import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { classNames } from "@/components/ui/class-names";
import { controlClassName } from "@/components/ui/control-class-name";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";
import type { AuditFilterField, AuditFilterValues } from "@/lib/audit/audit-filter";

/**
 * The audit log's filters as a plain GET form: the URL holds them, so a filtered log can be
 * linked and its CSV is the same URL's. Errors come back from the server's parse of the URL.
 * Rendered on the server only (FieldFrame, not the client <Field>), so the page ships no form code.
 */
export function AuditFilters({
  values,
  errors,
  people,
}: {
  values: AuditFilterValues;
  errors: Partial<Record<AuditFilterField, string>>;
  people: { id: string; label: string }[];
}) {
  const filtered = Boolean(values.from || values.to || values.person || values.event);
  return (
    <form
      role="search"
      aria-label="Audit log"
      method="get"
      action="/audit"
      className="flex flex-wrap items-start gap-3"
    >
      <FilterField name="from" label="From (UTC)" error={errors.from}>
        {(control) => <input type="date" defaultValue={values.from} {...control} />}
      </FilterField>
      <FilterField name="to" label="To (UTC)" error={errors.to}>
        {(control) => <input type="date" defaultValue={values.to} {...control} />}
      </FilterField>
      <FilterField name="person" label="Person" error={errors.person} select>
        {(control) => (
          <select defaultValue={values.person ?? ""} {...control}>
            <option value="">Everyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField name="event" label="Event id" error={errors.event} className="min-w-56 flex-1">
        {(control) => (
          <input defaultValue={values.event} placeholder="Indeed's event id" {...control} />
        )}
      </FilterField>
      <FilterField name="order" label="Order" error={errors.order} select>
        {(control) => (
          <select defaultValue={values.order ?? "oldest"} {...control}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        )}
      </FilterField>
      <div className="flex gap-2 self-end">
        <Button type="submit">Apply</Button>
        {filtered && (
          <Link href="/audit" className={buttonClassName({ variant: "ghost" })}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}

/** A labelled filter control with its inline error: <Field>'s markup, rendered on the server. */
function FilterField({
  name,
  label,
  error,
  select = false,
  className,
  children,
}: {
  name: AuditFilterField;
  label: string;
  error?: string;
  select?: boolean;
  className?: string;
  children: (
    control: { name: string; className: string } & ReturnType<typeof fieldControlProps>,
  ) => ReactNode;
}) {
  const ids = fieldIds(`audit-${name}`, { error });
  return (
    <FieldFrame ids={ids} label={label} error={error} className={className}>
      {children({
        name,
        className: classNames(controlClassName, "h-10", select && "pr-8"),
        ...fieldControlProps(ids),
      })}
    </FieldFrame>
  );
}
