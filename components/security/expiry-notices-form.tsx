"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateExpiryNoticesAction } from "@/app/(console)/admin/api-settings/security/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import {
  type ExpiryNoticeFormInput,
  expiryNoticeFormSchema,
  formatThresholds,
} from "@/lib/lifecycle/expiry-notice-schema";

/** "Notify before expiry": the days before a personal token or client secret lapses that people and webhooks are told. */
export function ExpiryNoticesForm({ days }: { days: readonly number[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ExpiryNoticeFormInput, unknown, z.output<typeof expiryNoticeFormSchema>>({
    resolver: zodResolver(expiryNoticeFormSchema),
    defaultValues: { thresholds: formatThresholds(days) },
  });

  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    const result = await updateExpiryNoticesAction(getValues());
    if (result.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Expiry notices" className="max-w-lg space-y-4">
      <FormMessage message={formError} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          Expiry notices saved.
        </p>
      ) : null}
      <TextField
        id="expiryNoticeThresholds"
        label="Notify before expiry (days)"
        inputMode="numeric"
        autoComplete="off"
        hint="Up to five numbers of days, separated by commas. Personal tokens and old client secrets lapsing within the largest show on the dashboard and their owner's Integrations page; webhooks hear of each once per threshold (token.expiring, client_secret.expiring)."
        error={errors.thresholds?.message}
        {...register("thresholds")}
      />
      <Button type="submit" disabled={isSubmitting}>
        Save expiry notices
      </Button>
    </form>
  );
}
