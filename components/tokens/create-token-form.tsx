"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createTokenAction } from "@/app/(console)/integrations/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { PermissionGrid } from "@/components/permission-grid/permission-grid";
import { type OneTimeSecret, SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { FieldFrame, FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { Scope } from "@/lib/permissions/catalogue";
import { type ExpirationChoice, expirationOptions, type TokenPolicy } from "@/lib/tokens/token-expiry";
import { type CreateTokenInput, createTokenSchema } from "@/lib/tokens/token-schemas";
import { tokenSecretContent } from "./token-views";

const labelOf = (choice: ExpirationChoice, policy: TokenPolicy) => {
  if (choice === "never") return "No expiration";
  const text = choice === 1 ? "1 day" : `${choice} days`;
  return choice === policy.defaultTokenExpirationDays ? `${text} (default)` : text;
};

/**
 * "Create token": a name, an expiration preset with the organization's default (never beyond
 * the maximum; "No expiration" only when allowed) and either the role's permissions or
 * narrower ones (the grid, limited to what the role holds). The token is shown once.
 */
export function CreateTokenForm({
  policy,
  rolePermissions,
}: {
  policy: TokenPolicy;
  rolePermissions: Scope[];
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const defaults: CreateTokenInput = {
    name: "",
    expiration: String(policy.defaultTokenExpirationDays),
    permissionMode: "role",
    scopes: [],
  };
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateTokenInput, unknown, z.output<typeof createTokenSchema>>({
    resolver: zodResolver(createTokenSchema),
    defaultValues: defaults,
  });
  const permissionMode = useWatch({ control, name: "permissionMode" });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createTokenAction(values);
    if (result.ok) {
      setSecret(tokenSecretContent(result.data));
      reset(defaults);
      return;
    }
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      <h3 className="text-base font-semibold">Create token</h3>
      <FormMessage message={formError} />
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <TextField
          id="token-name"
          label="Token name"
          autoComplete="off"
          error={errors.name?.message}
          {...register("name")}
        />
        <SelectField
          id="token-expiration"
          label="Expiration"
          hint={`At most ${policy.maxTokenExpirationDays} days.`}
          error={errors.expiration?.message}
          options={expirationOptions(policy).map((choice) => ({
            value: String(choice),
            label: labelOf(choice, policy),
          }))}
          {...register("expiration")}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Permissions</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="role" {...register("permissionMode")} />
          Same as my role
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="custom" {...register("permissionMode")} />
          Narrower permissions
        </label>
      </fieldset>
      {permissionMode === "custom" ? (
        <FieldFrame id="scopes" label="Token permissions" error={errors.scopes?.message}>
          <Controller
            control={control}
            name="scopes"
            render={({ field }) => (
              <PermissionGrid
                value={(field.value ?? []) as Scope[]}
                onChange={field.onChange}
                grantable={rolePermissions}
                lockedReason="Your role does not hold this permission, so a token of yours cannot have it."
              />
            )}
          />
        </FieldFrame>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        Create token
      </Button>
      <SecretDialog
        secret={secret}
        onClosed={() => {
          setSecret(null);
          router.refresh();
        }}
      />
    </form>
  );
}
