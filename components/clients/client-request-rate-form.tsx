"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { setClientRequestRateAction } from "@/app/(console)/admin/api-settings/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import {
  type SetClientRequestRateInput,
  setClientRequestRateSchema,
} from "@/lib/clients/client-request-rate-schema";

/** "Requests per minute": the client's own /api/v1 rate, or empty for the installation default. */
export function ClientRequestRateForm({
  clientId,
  requestsPerMinute,
  defaultRequestsPerMinute,
}: {
  clientId: string;
  requestsPerMinute: number | null;
  defaultRequestsPerMinute: number;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetClientRequestRateInput, unknown, z.output<typeof setClientRequestRateSchema>>({
    resolver: zodResolver(setClientRequestRateSchema),
    defaultValues: { clientId, requestsPerMinute: requestsPerMinute === null ? "" : requestsPerMinute },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await setClientRequestRateAction(values);
    if (result.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-lg space-y-4">
      <FormMessage message={formError} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          Request rate saved.
        </p>
      ) : null}
      <input type="hidden" {...register("clientId")} />
      <TextField
        id="requestsPerMinute"
        label="Requests per minute"
        type="number"
        inputMode="numeric"
        min={1}
        hint={`Leave empty to use the default of ${defaultRequestsPerMinute.toLocaleString("en-US")}. Beyond it, the API answers 429 until the minute ends.`}
        error={errors.requestsPerMinute?.message}
        {...register("requestsPerMinute")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save request rate"}
      </Button>
    </form>
  );
}
