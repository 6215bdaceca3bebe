import { displayPrefix, generateSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";

/**
 * Makes a new current secret for a client and stores its hash. The plaintext is returned
 * for the one-time modal and must not be stored, logged or audited anywhere.
 */
export async function issueClientSecret(
  executor: Executor,
  organizationId: string,
  apiClientRowId: string,
): Promise<string> {
  const secret = generateSecret("client_secret");
  await executor.insert(apiClientSecrets).values({
    organizationId,
    apiClientId: apiClientRowId,
    secretHash: secretHash(secret),
    displayPrefix: displayPrefix(secret),
  });
  return secret;
}
