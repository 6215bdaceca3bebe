"use server";

import { revalidatePath } from "next/cache";
import type { ConsoleUser } from "@/lib/auth/console-user";
import { userAction } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import {
  createPersonalToken,
  recreatePersonalToken,
  renewPersonalToken,
  revokePersonalToken,
  type TokenActor,
} from "@/lib/tokens/token-commands";
import { createTokenSchema, tokenIdSchema } from "@/lib/tokens/token-schemas";
import { actorOf } from "@/lib/users/user-commands";

/** The signed-in user acting on their own tokens. */
function tokenActorOf(user: ConsoleUser): TokenActor {
  return { organizationId: user.organization.id, userId: user.id, audit: actorOf(user) };
}

const serialize = (issued: { id: string; name: string; token: string; expiresAt: Date | null }) => ({
  ...issued,
  expiresAt: issued.expiresAt?.toISOString() ?? null,
});

const create = userAction(createTokenSchema, async (user, values) => {
  const issued = await createPersonalToken(await getDb(), tokenActorOf(user), values);
  revalidatePath("/integrations");
  return serialize(issued);
});

const recreate = userAction(tokenIdSchema, async (user, values) => {
  const issued = await recreatePersonalToken(await getDb(), tokenActorOf(user), values);
  revalidatePath("/integrations");
  return serialize(issued);
});

const renew = userAction(tokenIdSchema, async (user, values) => {
  const issued = await renewPersonalToken(await getDb(), tokenActorOf(user), values);
  revalidatePath("/integrations");
  revalidatePath("/");
  return serialize(issued);
});

const revoke = userAction(tokenIdSchema, async (user, values) => {
  await revokePersonalToken(await getDb(), tokenActorOf(user), values, { ownerOnly: true });
  revalidatePath("/integrations");
});

export async function createTokenAction(input: unknown) {
  return create(input);
}

export async function recreateTokenAction(input: unknown) {
  return recreate(input);
}

export async function revokeTokenAction(input: unknown) {
  return revoke(input);
}

/** "Renew": a successor shown once; the old token keeps working until its own expiry. */
export async function renewTokenAction(input: unknown) {
  return renew(input);
}
