"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import type { z } from "zod";
import { updateDataFlowAction } from "@/app/(console)/data-flows/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/field";
import { dataFlowSettingsSchema } from "@/lib/data-flows/data-flow-schemas";
import type { DataFlowSchedule } from "@/lib/db/schema";
import {
  type DataFlowFieldValues,
  DataFlowNameField,
  ImportFields,
  ScheduleFields,
} from "./data-flow-fields";

type SettingsOutput = z.output<typeof dataFlowSettingsSchema>;

interface EditableFlow {
  id: string;
  name: string;
  credentialId: string;
  filter: string;
  schedule: DataFlowSchedule;
  cron: string | null;
}

const FIELDS: FieldPath<DataFlowFieldValues>[] = ["name", "credentialId", "filter", "schedule", "cron"];

/** A flow's name, credential (one of the organization's of its connector), filter and schedule. */
export function DataFlowSettingsForm({
  flow,
  credentials,
}: {
  flow: EditableFlow;
  credentials: ReadonlyArray<{ id: string; name: string; hostUrl: string }>;
}) {
  const router = useRouter();
  const idPrefix = useId();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const submitting = useRef(false);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<DataFlowFieldValues, unknown, SettingsOutput>({
    resolver: zodResolver(dataFlowSettingsSchema),
    defaultValues: {
      name: flow.name,
      credentialId: flow.credentialId,
      imports: "devices",
      filter: flow.filter,
      schedule: flow.schedule,
      cron: flow.cron ?? "",
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(undefined);
    setSaved(false);
    try {
      const result = await updateDataFlowAction({ flowId: flow.id, ...values });
      if (!result.ok) {
        setFormError(result.formError);
        showFieldErrors(setError, result.fieldErrors);
        const first = FIELDS.find((field) => field in result.fieldErrors);
        if (first) setFocus(first);
        return;
      }
      reset({ ...values, cron: values.cron ?? "" });
      setSaved(true);
      router.refresh();
    } finally {
      submitting.current = false;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit data flow" className="max-w-2xl space-y-6">
      <FormMessage message={formError} />
      <DataFlowNameField id={`${idPrefix}-name`} register={register} errors={errors} />
      <SelectField
        id={`${idPrefix}-credential`}
        label="Credential"
        hint="The saved credential the flow signs in with. Devices are matched per Axonius instance, so pointing the flow at another instance imports that instance's devices as new ones."
        error={errors.credentialId?.message}
        options={credentials.map((credential) => ({
          value: credential.id,
          label: `${credential.name} (${credential.hostUrl})`,
        }))}
        {...register("credentialId")}
      />
      <ImportFields idPrefix={idPrefix} register={register} errors={errors} />
      <ScheduleFields idPrefix={idPrefix} register={register} errors={errors} schedule={watch("schedule")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        {saved && !isDirty ? (
          <p role="status" className="text-sm text-emerald-800">
            Changes saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
