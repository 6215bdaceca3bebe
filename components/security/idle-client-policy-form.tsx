"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateIdleClientPolicyAction } from "@/app/(console)/admin/api-settings/security/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import {
  IDLE_POLICY_CHOICES,
  IDLE_WARNING_DAYS,
  type IdleClientPolicyInput,
  idleClientPolicySchema,
  idlePolicyFormValues,
  MAX_IDLE_DAYS,
  MIN_IDLE_DAYS,
} from "@/lib/clients/idle-client-policy-schema";

/** "Disable clients unused for": Off, 30, 60 or 90 days, or a custom number of days. */
export function IdleClientPolicyForm({ days }: { days: number | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<IdleClientPolicyInput, unknown, z.output<typeof idleClientPolicySchema>>({
    resolver: zodResolver(idleClientPolicySchema),
    defaultValues: idlePolicyFormValues(days),
  });

  // The server checks the form's own values with the same schema.
  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    const result = await updateIdleClientPolicyAction(getValues());
    if (result.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Idle clients" className="max-w-lg space-y-4">
      <FormMessage message={formError} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          Idle-client policy saved.
        </p>
      ) : null}
      <SelectField
        id="idleClientChoice"
        label="Disable clients unused for"
        hint={`A client nobody used for this long is disabled (not deleted) and its access tokens stop working; it is flagged in the clients list ${IDLE_WARNING_DAYS} days before. Enabling it again restarts its clock.`}
        error={errors.choice?.message}
        options={IDLE_POLICY_CHOICES}
        {...register("choice")}
      />
      {watch("choice") === "custom" ? (
        <TextField
          id="idleClientCustomDays"
          label="Days unused"
          type="number"
          inputMode="numeric"
          min={MIN_IDLE_DAYS}
          max={MAX_IDLE_DAYS}
          hint={`A whole number of days from ${MIN_IDLE_DAYS} to ${MAX_IDLE_DAYS}.`}
          error={errors.customDays?.message}
          {...register("customDays")}
        />
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        Save idle-client policy
      </Button>
    </form>
  );
}
