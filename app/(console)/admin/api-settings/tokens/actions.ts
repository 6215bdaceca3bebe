"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { revokePersonalToken } from "@/lib/tokens/token-commands";
import { tokenIdSchema } from "@/lib/tokens/token-schemas";
import { actorOf } from "@/lib/users/user-commands";

const revoke = adminAction(tokenIdSchema, async (admin, values) => {
  const actor = { organizationId: admin.organization.id, userId: admin.id, audit: actorOf(admin) };
  await revokePersonalToken(await getDb(), actor, values, { ownerOnly: false });
  revalidatePath("/admin/api-settings/tokens");
});

/** An administrator revokes any personal token of the organization. */
export async function adminRevokeTokenAction(input: unknown) {
  return revoke(input);
}
