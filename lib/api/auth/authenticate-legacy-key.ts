import { eq } from "drizzle-orm";
import type { RequestOrigin } from "@/lib/audit/security-event";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { legacyApiKeys, organizations, roles, users } from "@/lib/db/schema";
import { legacyKeyUse } from "@/lib/usage/credential-last-used";
import { invalidTokenProblem } from "./api-auth-errors";
import type { AuthenticationResult } from "./api-caller";
import { recordCredentialRefusal } from "./record-credential-refusal";
import { refuseWrongCredential } from "./refuse-credential";
import { personActor, userAccessColumns, userAccessRefusal } from "./user-api-access";

export const LEGACY_KEY_INVALID = "The legacy API key is not valid";

/**
 * A static `lk_legacy_…` key, sent as `Authorization: Bearer lk_legacy_…`. It acts with the
 * user's role and works only while the organization is at Legacy (and Legacy not retired).
 * Refusals are recorded as for personal tokens (authenticate-personal-token.ts).
 */
export async function authenticateLegacyKey(
  key: string,
  origin: RequestOrigin,
): Promise<AuthenticationResult> {
  const { ip } = origin;
  if (!isWellFormedSecret(key, "legacy_key")) {
    recordCredentialRefusal(origin, "legacy_key", { reason: "malformed_credentials" }, { repeatsOf: [] });
    throw invalidTokenProblem(LEGACY_KEY_INVALID);
  }
  const db = await getDb();
  const [row] = await db
    .select({ ...userAccessColumns, keyId: legacyApiKeys.id })
    .from(legacyApiKeys)
    .innerJoin(users, eq(users.id, legacyApiKeys.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(organizations, eq(organizations.id, legacyApiKeys.organizationId))
    .where(eq(legacyApiKeys.keyHash, secretHash(key)))
    .limit(1);
  if (!row)
    return refuseWrongCredential(origin, LEGACY_KEY_INVALID, "legacy_key", { reason: "unknown_token" });
  const refusal = userAccessRefusal(row, "legacy_key");
  if (refusal) {
    recordCredentialRefusal(
      origin,
      "legacy_key",
      {
        reason: refusal.reason,
        organizationId: row.organization.id,
        actor: personActor(row, "legacy_key"),
        target: { type: "legacy_key", id: row.keyId },
      },
      { repeatsOf: [row.keyId] },
    );
    throw refusal.problem;
  }
  legacyKeyUse.note(row.keyId);
  const caller = {
    organizationId: row.organization.id,
    credential: "legacy_key" as const,
    clientId: null,
    userId: row.user.id,
    tokenId: row.keyId,
    scopes: row.role.permissions,
    label: `${row.user.email} (legacy key)`,
    ip,
    userAgent: origin.userAgent,
    requestsPerMinute: null,
  };
  return { outcome: "authenticated", caller };
}
