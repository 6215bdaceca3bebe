"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateTokenPolicyAction } from "@/app/(console)/admin/api-settings/security/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { SwitchField } from "@/components/ui/switch-field";
import { type TokenPolicyInput, tokenPolicySchema } from "@/lib/organizations/security-settings-schemas";
import type { TokenPolicy } from "@/lib/tokens/token-expiry";

/** "Default token expiration", "Maximum token expiration" and "Allow unexpiring tokens", validated together. */
export function TokenPolicyForm({ policy }: { policy: TokenPolicy }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TokenPolicyInput, unknown, z.output<typeof tokenPolicySchema>>({
    resolver: zodResolver(tokenPolicySchema),
    defaultValues: policy,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await updateTokenPolicyAction(values);
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
          Token expiration settings saved.
        </p>
      ) : null}
      <TextField
        id="defaultTokenExpirationDays"
        label="Default token expiration"
        type="number"
        inputMode="numeric"
        hint="Days. New personal tokens start with this expiration."
        error={errors.defaultTokenExpirationDays?.message}
        {...register("defaultTokenExpirationDays")}
      />
      <TextField
        id="maxTokenExpirationDays"
        label="Maximum token expiration"
        type="number"
        inputMode="numeric"
        hint="Days, from 1 to 3650. No token may last longer."
        error={errors.maxTokenExpirationDays?.message}
        {...register("maxTokenExpirationDays")}
      />
      <SwitchField
        id="allowUnexpiringTokens"
        label="Allow unexpiring tokens"
        hint="Lets users choose No expiration when they create a token."
        {...register("allowUnexpiringTokens")}
      />
      <p className="text-sm text-slate-600">
        Tightening applies to existing tokens at once and never extends any: a token older than a new maximum
        expires at its creation plus the maximum, and tokens without an expiration end the same way when
        unexpiring tokens are no longer allowed.
      </p>
      <Button type="submit" disabled={isSubmitting}>
        Save token expiration settings
      </Button>
    </form>
  );
}
