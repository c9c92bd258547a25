"use client";

import type { ComponentProps } from "react";
import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { controlClassName, Input } from "@/components/ui/input";
import { useFieldControlProps } from "@/components/ui/field";
import type { AuditFilterField, AuditFilterValues } from "@/lib/audit/audit-filter";

/**
 * The audit log's filters as a plain GET form: the URL holds them, so a filtered log can be
 * linked and its CSV is the same URL's. Errors come back from the server's parse of the URL.
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
      <Field label="From (UTC)" error={errors.from}>
        <Input type="date" name="from" defaultValue={values.from} />
      </Field>
      <Field label="To (UTC)" error={errors.to}>
        <Input type="date" name="to" defaultValue={values.to} />
      </Field>
      <Field label="Person" error={errors.person}>
        <Select name="person" defaultValue={values.person ?? ""}>
          <option value="">Everyone</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Event id" error={errors.event} className="min-w-56 flex-1">
        <Input name="event" defaultValue={values.event} placeholder="Indeed's event id" />
      </Field>
      <Field label="Order" error={errors.order}>
        <Select name="order" defaultValue={values.order ?? "oldest"}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </Select>
      </Field>
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

function Select(props: ComponentProps<"select">) {
  const field = useFieldControlProps();
  return <select className={`${controlClassName} h-10 pr-8`} {...field} {...props} />;
}
