"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { createRoleAction, updateRoleAction } from "@/app/(console)/admin/roles/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { PermissionGrid } from "@/components/permission-grid/permission-grid";
import { Button } from "@/components/ui/button";
import { FieldFrame, FormMessage, TextField } from "@/components/ui/field";
import { SwitchField } from "@/components/ui/switch-field";
import type { Scope } from "@/lib/permissions/catalogue";
import { type RoleFieldsInput, roleFieldsSchema } from "@/lib/roles/role-schemas";

type RoleFormOutput = z.output<typeof roleFieldsSchema>;

export interface ExistingRole {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  restApiEnabled: boolean;
  consoleAdmin: boolean;
  permissions: Scope[];
}

/**
 * Create or edit a role: name, description, the "REST API enabled" and "Console administrator"
 * switches and the permission grid (everything Prohibited unless granted). The built-in role
 * shows its rights locked: only its description can change. Within the grantor's ceiling,
 * `grantable` locks the cells the administrator's role does not hold, and `switchesLockedReason`
 * (for a role holding such permissions) keeps both switches as they are.
 */
export function RoleForm({
  role,
  grantable,
  switchesLockedReason,
}: {
  role?: ExistingRole;
  grantable?: Scope[];
  switchesLockedReason?: string;
}) {
  const router = useRouter();
  const locked = role?.builtIn ?? false;
  const switchesLocked = locked || switchesLockedReason !== undefined;
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RoleFieldsInput, unknown, RoleFormOutput>({
    resolver: zodResolver(roleFieldsSchema),
    defaultValues: {
      name: role?.name ?? "",
      description: role?.description ?? "",
      restApiEnabled: role?.restApiEnabled ?? false,
      consoleAdmin: role?.consoleAdmin ?? false,
      permissions: role?.permissions ?? [],
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    // Locked switches are sent as they are stored, whatever a disabled control reports.
    const submitted =
      role && switchesLocked
        ? { ...values, restApiEnabled: role.restApiEnabled, consoleAdmin: role.consoleAdmin }
        : values;
    const result = role
      ? await updateRoleAction({ ...submitted, roleId: role.id })
      : await createRoleAction(submitted);
    if (result.ok) {
      if (role) {
        setSaved(true);
        router.refresh();
      } else router.push("/admin/roles");
      return;
    }
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessage message={formError} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          Role saved.
        </p>
      ) : null}
      <div className="max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <TextField
          id="name"
          label="Role name"
          autoComplete="off"
          readOnly={locked}
          hint={locked ? "The built-in role keeps its name." : undefined}
          error={errors.name?.message}
          {...register("name")}
        />
        <TextField
          id="description"
          label="Description"
          error={errors.description?.message}
          {...register("description")}
        />
        <SwitchField
          id="restApiEnabled"
          label="REST API enabled"
          disabled={switchesLocked}
          hint="Users with this role may create personal tokens and call the API with their role's permissions."
          error={errors.restApiEnabled?.message}
          {...register("restApiEnabled")}
        />
        <SwitchField
          id="consoleAdmin"
          label="Console administrator"
          disabled={switchesLocked}
          hint="Users with this role administer the console: clients, users, roles and security settings, granting only permissions their own role holds."
          error={errors.consoleAdmin?.message}
          {...register("consoleAdmin")}
        />
        {switchesLockedReason ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {switchesLockedReason}
          </p>
        ) : null}
      </div>
      <FieldFrame id="permissions" label="Permissions" error={errors.permissions?.message}>
        <Controller
          control={control}
          name="permissions"
          render={({ field }) => (
            <PermissionGrid
              value={(field.value ?? []) as Scope[]}
              onChange={field.onChange}
              grantable={grantable}
              lockedReason="Your role does not hold this permission, so you can neither grant nor remove it."
              disabled={locked}
            />
          )}
        />
      </FieldFrame>
      {locked ? (
        <p className="text-sm text-slate-600">
          Site Administrator is built in: it always holds every permission, console administration and REST
          API access, and cannot be deleted.
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {role ? "Save role" : "Create role"}
        </Button>
        <Button variant="secondary" onClick={() => router.push("/admin/roles")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
