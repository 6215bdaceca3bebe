"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { changeUserRole, createUser, setUserActive } from "@/lib/users/user-commands";
import { changeUserRoleSchema, createUserSchema, userIdSchema } from "@/lib/users/user-schemas";

const create = adminAction(createUserSchema, async (admin, values) => {
  const user = await createUser(await getDb(), admin, values);
  revalidatePath("/admin/users");
  return user;
});

const changeRole = adminAction(changeUserRoleSchema, async (admin, values) => {
  await changeUserRole(await getDb(), admin, values);
  revalidatePath("/admin/users");
});

const deactivate = adminAction(userIdSchema, async (admin, { userId }) => {
  await setUserActive(await getDb(), admin, userId, false);
  revalidatePath("/admin/users");
});

const reactivate = adminAction(userIdSchema, async (admin, { userId }) => {
  await setUserActive(await getDb(), admin, userId, true);
  revalidatePath("/admin/users");
});

export async function createUserAction(input: unknown) {
  return create(input);
}

export async function changeUserRoleAction(input: unknown) {
  return changeRole(input);
}

export async function deactivateUserAction(input: unknown) {
  return deactivate(input);
}

export async function reactivateUserAction(input: unknown) {
  return reactivate(input);
}
