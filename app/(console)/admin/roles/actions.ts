"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { createRole, deleteRole, updateRole } from "@/lib/roles/role-commands";
import { roleFieldsSchema, roleIdSchema, updateRoleSchema } from "@/lib/roles/role-schemas";
import { actorOf } from "@/lib/users/user-commands";

const create = adminAction(roleFieldsSchema, async (admin, values) => {
  const role = await createRole(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/roles");
  return role;
});

const update = adminAction(updateRoleSchema, async (admin, values) => {
  await updateRole(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/roles");
});

const remove = adminAction(roleIdSchema, async (admin, values) => {
  await deleteRole(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/roles");
});

export async function createRoleAction(input: unknown) {
  return create(input);
}

export async function updateRoleAction(input: unknown) {
  return update(input);
}

export async function deleteRoleAction(input: unknown) {
  return remove(input);
}
