"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { createLegacyKey, revokeLegacyKey } from "@/lib/tokens/legacy-keys";
import { actorOf } from "@/lib/users/user-commands";

const noInput = z.object({});

const create = userAction(noInput, async (user) => {
  const key = await createLegacyKey(await getDb(), {
    organizationId: user.organization.id,
    userId: user.id,
    audit: actorOf(user),
  });
  revalidatePath("/profile");
  return { key };
});

const revoke = userAction(noInput, async (user) => {
  await revokeLegacyKey(await getDb(), {
    organizationId: user.organization.id,
    userId: user.id,
    audit: actorOf(user),
  });
  revalidatePath("/profile");
});

export async function createLegacyKeyAction() {
  return create({});
}

export async function revokeLegacyKeyAction() {
  return revoke({});
}
