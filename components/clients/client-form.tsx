"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { createClientAction, updateClientAction } from "@/app/(console)/admin/api-settings/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { PermissionGrid } from "@/components/permission-grid/permission-grid";
import { SecretDialog } from "@/components/secret-dialog/secret-dialog";
import { Button } from "@/components/ui/button";
import { FieldFrame, FormMessage, TextField } from "@/components/ui/field";
import { ALLOWED_IPS_REQUIRED } from "@/lib/clients/client-errors";
import { type CreateClientInput, createClientSchema } from "@/lib/clients/client-schemas";
import type { ActionState } from "@/lib/forms/action-state";
import type { Scope } from "@/lib/permissions/catalogue";
import { AllowedIpsField } from "./allowed-ips-field";
import {
  type ConnectionContext,
  clientSecretContent,
  type IssuedClientSecret,
} from "./client-secret-content";

type ClientFormOutput = z.output<typeof createClientSchema>;

interface ExistingClient {
  clientId: string;
  name: string;
  description: string;
  allowedIps: string[];
  permissions: Scope[];
}

type ClientFormProps = (
  | { mode: "create"; restrictsByIp: boolean; connection: ConnectionContext }
  | { mode: "edit"; restrictsByIp: boolean; client: ExistingClient }
) & {
  /** The permissions this administrator may grant or remove; undefined: all of them. */
  grantable?: Scope[];
};

const LIST_PATH = "/admin/api-settings";

/**
 * The API client form: "Client Name", "Description", "Allowed IP Addresses" (only where the
 * organization restricts by IP, and then required) and the permission grid, all Prohibited
 * unless granted. Validated with the same zod schema the server action uses. Creating shows
 * the one-time secret dialog; editing saves in place.
 */
export function ClientForm(props: ClientFormProps) {
  const router = useRouter();
  const existing = props.mode === "edit" ? props.client : undefined;
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [issued, setIssued] = useState<IssuedClientSecret | null>(null);
  // A second click (or Enter) while the first save runs must not send a second request.
  const submitting = useRef(false);

  const schema = useMemo(
    () =>
      props.restrictsByIp
        ? createClientSchema.refine((values) => values.allowedIps.length > 0, {
            path: ["allowedIps"],
            message: ALLOWED_IPS_REQUIRED,
          })
        : createClientSchema,
    [props.restrictsByIp],
  );
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<CreateClientInput, unknown, ClientFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: existing?.name ?? "",
      description: existing?.description ?? "",
      allowedIps: existing?.allowedIps.join("\n") ?? "",
      permissions: existing?.permissions ?? [],
    },
  });

  const showErrors = (result: Extract<ActionState<unknown>, { ok: false }>) => {
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  };

  const save = async (values: ClientFormOutput) => {
    if (existing) {
      const result = await updateClientAction({
        clientId: existing.clientId,
        name: values.name,
        description: values.description,
        permissions: values.permissions,
        // Where the list is hidden it is not edited here, so it is left as it is.
        ...(props.restrictsByIp ? { allowedIps: values.allowedIps } : {}),
      });
      if (!result.ok) return showErrors(result);
      reset({ ...values, allowedIps: values.allowedIps.join("\n") });
      setSaved(true);
      router.refresh();
      return;
    }
    const result = await createClientAction(values);
    if (!result.ok) return showErrors(result);
    setIssued(result.data);
  };

  const onSubmit = handleSubmit(async (values) => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(undefined);
    setSaved(false);
    try {
      await save(values);
    } finally {
      submitting.current = false;
    }
  });

  // One object per issued secret: a new one on every render would reset the dialog's confirmation step.
  const partnerId = props.mode === "create" ? props.connection.partnerId : "";
  const tokenUrl = props.mode === "create" ? props.connection.tokenUrl : "";
  const shown = useMemo(
    () => (issued ? clientSecretContent("Client created", issued, { partnerId, tokenUrl }) : null),
    [issued, partnerId, tokenUrl],
  );
  const busy = isSubmitting || issued !== null;
  return (
    <>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={existing ? "Edit client" : "Create Client"}
        className="space-y-6"
      >
        <FormMessage message={formError} />
        <div className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
          <TextField
            id="client-name"
            label="Client Name"
            autoComplete="off"
            maxLength={200}
            required
            hint="Up to 100 characters, unique in your organization, e.g. “Payroll export”."
            error={errors.name?.message}
            {...register("name")}
          />
          <FieldFrame
            id="client-description"
            label="Description"
            hint="Optional: what the client is for and who runs it."
            error={errors.description?.message}
          >
            <textarea
              id="client-description"
              rows={3}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? "client-description-error" : "client-description-hint"}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-600"
              {...register("description")}
            />
          </FieldFrame>
          {props.restrictsByIp ? (
            <AllowedIpsField id="client-allowed-ips" error={errors.allowedIps} {...register("allowedIps")} />
          ) : null}
        </div>
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold text-slate-900">Permissions</legend>
          <p className="text-sm text-slate-600">
            Everything is Prohibited until you allow it. Allow only what the client needs.
          </p>
          <Controller
            control={control}
            name="permissions"
            render={({ field }) => (
              <PermissionGrid
                value={(field.value ?? []) as Scope[]}
                onChange={field.onChange}
                grantable={props.grantable}
                lockedReason="Your role does not hold this permission, so you can neither grant nor remove it."
                disabled={busy}
                error={errors.permissions?.message}
              />
            )}
          />
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy}>
            {existing ? "Save changes" : "Save"}
          </Button>
          {existing ? null : (
            <Button variant="secondary" onClick={() => router.push(LIST_PATH)} disabled={busy}>
              Cancel
            </Button>
          )}
          {saved && !isDirty ? (
            <p role="status" className="text-sm text-emerald-800">
              Changes saved.
            </p>
          ) : null}
        </div>
      </form>
      {props.mode === "create" ? (
        <SecretDialog
          secret={shown}
          onClosed={() => {
            setIssued(null);
            router.push(LIST_PATH);
          }}
        />
      ) : null}
    </>
  );
}
