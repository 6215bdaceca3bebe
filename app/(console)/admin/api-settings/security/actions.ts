"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/current-user";
import { setIdleClientPolicy } from "@/lib/clients/idle-client-policy";
import { idleClientPolicySchema } from "@/lib/clients/idle-client-policy-schema";
import { getDb } from "@/lib/db/client";
import { expiryNoticeFormSchema } from "@/lib/lifecycle/expiry-notice-schema";
import { setExpiryNoticeDays } from "@/lib/lifecycle/expiry-notices";
import {
  changeSecurityLevel,
  securityLevelImpact,
  updateTokenPolicy,
} from "@/lib/organizations/security-settings";
import { securityLevelSchema, tokenPolicySchema } from "@/lib/organizations/security-settings-schemas";
import { actorOf } from "@/lib/users/user-commands";

const preview = adminAction(securityLevelSchema, async (admin, { level }) =>
  securityLevelImpact(await getDb(), admin.organization.id, level),
);

const changeLevel = adminAction(securityLevelSchema, async (admin, values) => {
  const impact = await changeSecurityLevel(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/api-settings/security");
  return impact;
});

const savePolicy = adminAction(tokenPolicySchema, async (admin, values) => {
  const policy = await updateTokenPolicy(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/api-settings/security");
  return policy;
});

/** What changing the level would break, for the confirmation; changes nothing. */
export async function previewSecurityLevelAction(input: unknown) {
  return preview(input);
}

export async function changeSecurityLevelAction(input: unknown) {
  return changeLevel(input);
}

export async function updateTokenPolicyAction(input: unknown) {
  return savePolicy(input);
}

const saveIdlePolicy = adminAction(idleClientPolicySchema, async (admin, values) => {
  const days = await setIdleClientPolicy(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/api-settings/security");
  revalidatePath("/admin/api-settings");
  return { days };
});

/** "Disable clients unused for": off, or a number of days. */
export async function updateIdleClientPolicyAction(input: unknown) {
  return saveIdlePolicy(input);
}

const saveExpiryNotices = adminAction(expiryNoticeFormSchema, async (admin, values) => {
  const days = await setExpiryNoticeDays(await getDb(), admin.organization.id, actorOf(admin), values);
  revalidatePath("/admin/api-settings/security");
  return { days };
});

/** "Expiry notices": the days before a lapse that owners and webhooks are told. */
export async function updateExpiryNoticesAction(input: unknown) {
  return saveExpiryNotices(input);
}
