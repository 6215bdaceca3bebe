"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { replaceCredentialSecretAction } from "@/app/(console)/admin/credentials/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { OUTBOUND_CONNECTORS, type OutboundConnectorKey } from "@/lib/outbound-credentials/connectors";
import {
  type ReplaceCredentialSecretInput,
  replaceCredentialSecretSchema,
} from "@/lib/outbound-credentials/credential-schemas";

type FormOutput = z.output<typeof replaceCredentialSecretSchema>;

function describeReplaced(
  replaced: { apiKey: boolean; clientSecret: boolean },
  labels: { apiKey: string; clientSecret: string },
) {
  if (replaced.apiKey && replaced.clientSecret)
    return `${labels.apiKey} and ${labels.clientSecret} replaced.`;
  return `${replaced.apiKey ? labels.apiKey : labels.clientSecret} replaced.`;
}

/**
 * "Replace secret": a new API key, a new client secret, or both, typed into empty password
 * fields. The stored values are never shown or sent here; the form empties itself once saved.
 */
export function ReplaceSecretForm({
  credentialId,
  connector,
}: {
  credentialId: string;
  connector: OutboundConnectorKey;
}) {
  const router = useRouter();
  const idPrefix = useId();
  const labels = OUTBOUND_CONNECTORS[connector].fieldLabels;
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const submitting = useRef(false);
  const empty: ReplaceCredentialSecretInput = { credentialId, apiKey: "", clientSecret: "" };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ReplaceCredentialSecretInput, unknown, FormOutput>({
    resolver: zodResolver(replaceCredentialSecretSchema),
    defaultValues: empty,
  });

  const onSubmit = handleSubmit(async (values) => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(undefined);
    setSaved(undefined);
    try {
      const result = await replaceCredentialSecretAction(values);
      if (!result.ok) {
        setFormError(result.formError);
        showFieldErrors(setError, result.fieldErrors);
        if (result.fieldErrors.apiKey) setFocus("apiKey");
        else if (result.fieldErrors.clientSecret) setFocus("clientSecret");
        return;
      }
      reset(empty);
      setSaved(
        `${describeReplaced(result.data.replaced, labels)} The last test was cleared: test the connection to check the new values.`,
      );
      router.refresh();
    } finally {
      submitting.current = false;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Replace secret" className="max-w-xl space-y-4">
      <p className="text-sm text-slate-600">
        Type a new API key, a new client secret, or both; a field left empty keeps the stored value. Latchkey
        never shows the stored values.
      </p>
      <FormMessage message={formError} />
      <input type="hidden" {...register("credentialId")} />
      <TextField
        id={`${idPrefix}-apiKey`}
        label={labels.apiKey}
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint="Leave empty to keep the stored API key."
        error={errors.apiKey?.message}
        {...register("apiKey")}
      />
      <TextField
        id={`${idPrefix}-clientSecret`}
        label={labels.clientSecret}
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint="Leave empty to keep the stored client secret."
        error={errors.clientSecret?.message}
        {...register("clientSecret")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Replacing…" : "Replace secret"}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-800">
            {saved}
          </p>
        ) : null}
      </div>
    </form>
  );
}
