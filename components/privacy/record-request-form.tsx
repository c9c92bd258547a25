"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  DATA_REQUEST_KIND_LABELS,
  dataRequestSchema,
  type DataRequestInput,
  type DataRequestValues,
} from "@/lib/privacy/data-request-schema";

interface RecordRequestState {
  error?: string;
  fieldErrors?: Partial<Record<keyof DataRequestInput, string>>;
}

/** Records a job seeker's data request; checked here and by the server with the same schema. */
export function RecordRequestForm({
  action,
  today,
}: {
  action: (input: DataRequestInput) => Promise<RecordRequestState>;
  today: string;
}) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DataRequestInput, unknown, DataRequestValues>({
    resolver: zodResolver(dataRequestSchema),
    defaultValues: { email: "", kind: "access", receivedOn: today },
  });
  const [pending, startTransition] = useTransition();
  const [error, setFormError] = useState<string | null>(null);

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      // On success the action opens the request's page.
      const answer = await action(values);
      for (const [field, message] of Object.entries(answer?.fieldErrors ?? {})) {
        setError(field as keyof DataRequestInput, { message });
      }
      if (answer?.error) setFormError(answer.error);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Record a data request">
      <Field
        label="Job seeker's email address"
        description="The address they applied with; everything Lobby holds is found by it."
        required
        error={errors.email?.message}
      >
        <Input {...register("email")} type="email" autoComplete="off" />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">What they ask for</legend>
        {(Object.keys(DATA_REQUEST_KIND_LABELS) as (keyof typeof DATA_REQUEST_KIND_LABELS)[]).map(
          (kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value={kind} {...register("kind")} className="size-4" />
              {DATA_REQUEST_KIND_LABELS[kind]}
            </label>
          ),
        )}
        {errors.kind?.message && (
          <p className="text-sm text-red-800" role="alert">
            {errors.kind.message}
          </p>
        )}
      </fieldset>
      <Field
        label="Received on"
        description="The answer is due 30 days later."
        required
        error={errors.receivedOn?.message}
      >
        <Input {...register("receivedOn")} type="date" />
      </Field>
      <div className="flex items-center gap-4">
        <Button type="submit" loading={pending}>
          Record the request
        </Button>
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      </div>
    </form>
  );
}
