"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/app/(console)/admin/users/actions";
import { showFieldErrors } from "@/components/forms/show-field-errors";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { type CreateUserInput, createUserSchema } from "@/lib/users/user-schemas";

/** `assignable: false` marks roles this administrator may not give (lib/roles/role-assignment.ts). */
export function CreateUserForm({
  roles,
}: {
  roles: ReadonlyArray<{ id: string; name: string; assignable: boolean }>;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", password: "", roleId: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createUserAction(values);
    if (result.ok) {
      router.push("/admin/users");
      router.refresh();
      return;
    }
    setFormError(result.formError);
    showFieldErrors(setError, result.fieldErrors);
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-lg space-y-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      <FormMessage message={formError} />
      <TextField
        id="name"
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...register("name")}
      />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Share it with the user over a safe channel."
        error={errors.password?.message}
        {...register("password")}
      />
      <SelectField
        id="roleId"
        label="Role"
        error={errors.roleId?.message}
        hint={
          roles.some((role) => !role.assignable)
            ? "Roles marked “beyond your role” hold permissions your role does not, or are Site Administrator: you cannot give them."
            : undefined
        }
        options={[
          { value: "", label: "Choose a role…" },
          ...roles.map((role) => ({
            value: role.id,
            label: role.assignable ? role.name : `${role.name} (beyond your role)`,
            disabled: !role.assignable,
          })),
        ]}
        {...register("roleId")}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          Create user
        </Button>
        <Button variant="secondary" onClick={() => router.push("/admin/users")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
