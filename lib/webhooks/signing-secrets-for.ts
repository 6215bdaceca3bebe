import type { Executor } from "@/lib/db/client";
import { UnreadableFieldsError } from "@/lib/encryption/field-encryption";
import type { ClaimedAttempt } from "./claim-delivery-attempt";
import { openWebhookSecret } from "./webhook-secret";

export const SECRET_UNREADABLE =
  "The endpoint's signing secret cannot be decrypted: rotate the secret to deliver again";

/**
 * The secrets that sign this attempt: the current one, and the previous one while its 24 hours
 * last. Null when a secret does not open (altered, or sealed under a key this process lacks):
 * the attempt then fails without sending anything unsigned.
 */
export async function signingSecretsFor(
  executor: Executor,
  claimed: ClaimedAttempt,
  now: Date,
): Promise<string[] | null> {
  const row = { organizationId: claimed.organizationId, rowId: claimed.endpointId };
  const { encryptedSecret, encryptedPreviousSecret, previousSecretExpiresAt } = claimed.endpoint;
  try {
    const secrets = [await openWebhookSecret(executor, row, encryptedSecret)];
    if (encryptedPreviousSecret && previousSecretExpiresAt && previousSecretExpiresAt > now)
      secrets.push(await openWebhookSecret(executor, row, encryptedPreviousSecret));
    return secrets;
  } catch (error) {
    if (error instanceof UnreadableFieldsError) return null;
    throw error;
  }
}
