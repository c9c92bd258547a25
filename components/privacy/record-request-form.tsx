"use client";

import { useActionState } from "react";
import type { RecordRequestState } from "@/app/privacy/requests/actions";
import { buttonClassName } from "@/components/ui/button-class-name";
import { classNames } from "@/components/ui/class-names";
import { controlClassName } from "@/components/ui/control-class-name";
import { FieldFrame, fieldControlProps, fieldIds } from "@/components/ui/field-frame";

/**
 * Records a job seeker's data request. The server action checks it with the data-request
 * schema and answers each refused field's message, or opens the request's page; the form posts
 * without JavaScript too, and zod and a form library stay off the page.
 */
export function RecordRequestForm({
  action,
  today,
  kinds,
}: {
  action: (state: RecordRequestState, form: FormData) => Promise<RecordRequestState>;
  today: string;
  kinds: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? { email: "", kind: "access", receivedOn: today };
  const errors = state.fieldErrors ?? {};
  const email = fieldIds("data-request-email", {
    description: true,
    error: errors.email,
    required: true,
  });
  const receivedOn = fieldIds("data-request-received-on", {
    description: true,
    error: errors.receivedOn,
    required: true,
  });

  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Record a data request">
      <FieldFrame
        ids={email}
        label="Job seeker's email address"
        description="The address they applied with; everything Lobby holds is found by it."
        error={errors.email}
      >
        <input
          {...fieldControlProps(email)}
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          className={classNames(controlClassName, "h-10")}
        />
      </FieldFrame>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">What they ask for</legend>
        {kinds.map((kind) => (
          <label key={kind.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="kind"
              value={kind.value}
              defaultChecked={values.kind === kind.value}
              className="size-4"
            />
            {kind.label}
          </label>
        ))}
        {errors.kind && (
          <p className="text-sm text-red-800" role="alert">
            {errors.kind}
          </p>
        )}
      </fieldset>
      <FieldFrame
        ids={receivedOn}
        label="Received on"
        description="The answer is due 30 days later."
        error={errors.receivedOn}
      >
        <input
          {...fieldControlProps(receivedOn)}
          name="receivedOn"
          type="date"
          defaultValue={values.receivedOn}
          className={classNames(controlClassName, "h-10")}
        />
      </FieldFrame>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={buttonClassName()}>
          {pending ? "Recording…" : "Record the request"}
        </button>
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      </div>
    </form>
  );
}
