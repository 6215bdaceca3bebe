import { randomBytes } from "node:crypto";
import { getInstallationKeyRing, type InstallationKeyRing } from "@/lib/crypto/installation-keys";
import type { Executor } from "@/lib/db/client";
import { decryptFields, encryptFields } from "@/lib/encryption/field-encryption";

/**
 * Webhook signing secrets: `whsec_` and 32 random bytes in base64, as the Standard Webhooks
 * specification writes them. Kept sealed under the organization's data key, bound to the
 * endpoint's row. The current and the previous secret are sealed under one field name, so that
 * a rotation can move the current one to the previous column as it is, without opening it.
 */
export const WEBHOOK_SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;
const SECRET_FIELD = "webhook_endpoints.signing_secret";

export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}

export interface EndpointRow {
  organizationId: string;
  /** The endpoint's id. */
  rowId: string;
}

export async function sealWebhookSecret(
  executor: Executor,
  row: EndpointRow,
  secret: string,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<string> {
  const sealed = await encryptFields(executor, row, { [SECRET_FIELD]: secret }, ring);
  const value = sealed[SECRET_FIELD];
  if (value === undefined) throw new Error("the webhook secret was not sealed");
  return value;
}

/** The secret in clear; UnreadableFieldsError when it was altered, moved or sealed under another key. */
export async function openWebhookSecret(
  executor: Executor,
  row: EndpointRow,
  sealed: string,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<string> {
  const opened = await decryptFields(executor, row, { [SECRET_FIELD]: sealed }, ring);
  return opened[SECRET_FIELD] ?? "";
}
