import { eq } from "drizzle-orm";
import type { RequestOrigin } from "@/lib/audit/security-event";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { organizations, personalTokens, roles, users } from "@/lib/db/schema";
import { intersectGrids } from "@/lib/permissions/grid";
import { effectiveTokenExpiry, isExpired } from "@/lib/tokens/token-expiry";
import { personalTokenUse } from "@/lib/usage/credential-last-used";
import { invalidTokenProblem } from "./api-auth-errors";
import type { AuthenticationResult } from "./api-caller";
import { recordCredentialRefusal } from "./record-credential-refusal";
import { refuseWrongCredential } from "./refuse-credential";
import { personActor, userAccessColumns, userAccessRefusal } from "./user-api-access";

export const PERSONAL_TOKEN_INVALID = "The personal token is not valid or has been revoked";
export const PERSONAL_TOKEN_EXPIRED = "The personal token has expired";

/**
 * A bearer `lk_pat_…`: one indexed query by its hash reads the token, its user, role and
 * organization, so revocation, deactivation, a role or level change and a tightened expiry
 * policy all apply on the next request. Rights are the token's scopes within the role's.
 *
 * Refusals are recorded as security events: an unknown token anonymously and with no
 * organization; a real one (revoked, expired, or its user or role refused) in its
 * organization, naming the token by its id.
 */
export async function authenticatePersonalToken(
  token: string,
  origin: RequestOrigin,
): Promise<AuthenticationResult> {
  const { ip } = origin;
  if (!isWellFormedSecret(token, "personal_token")) {
    recordCredentialRefusal(origin, "personal_token", { reason: "malformed_credentials" }, { repeatsOf: [] });
    throw invalidTokenProblem(PERSONAL_TOKEN_INVALID);
  }
  const db = await getDb();
  const [row] = await db
    .select({
      ...userAccessColumns,
      token: {
        id: personalTokens.id,
        scopes: personalTokens.scopes,
        createdAt: personalTokens.createdAt,
        expiresAt: personalTokens.expiresAt,
        revokedAt: personalTokens.revokedAt,
      },
      policy: {
        maxTokenExpirationDays: organizations.maxTokenExpirationDays,
        allowUnexpiringTokens: organizations.allowUnexpiringTokens,
      },
    })
    .from(personalTokens)
    .innerJoin(users, eq(users.id, personalTokens.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(organizations, eq(organizations.id, personalTokens.organizationId))
    .where(eq(personalTokens.tokenHash, secretHash(token)))
    .limit(1);
  if (!row) {
    return refuseWrongCredential(origin, PERSONAL_TOKEN_INVALID, "personal_token", {
      reason: "unknown_token",
    });
  }
  const known = {
    organizationId: row.organization.id,
    actor: personActor(row, "personal_token"),
    target: { type: "personal_token", id: row.token.id },
  };
  if (row.token.revokedAt !== null) {
    return refuseWrongCredential(origin, PERSONAL_TOKEN_INVALID, "personal_token", {
      reason: "token_revoked",
      ...known,
    });
  }
  // A genuine token refused spends no budget: its repeats are counted per token.
  if (isExpired(effectiveTokenExpiry(row.token, row.policy))) {
    recordCredentialRefusal(
      origin,
      "personal_token",
      { reason: "token_expired", ...known },
      {
        repeatsOf: [row.token.id],
      },
    );
    throw invalidTokenProblem(PERSONAL_TOKEN_EXPIRED);
  }
  const refusal = userAccessRefusal(row, "personal_token");
  if (refusal) {
    recordCredentialRefusal(
      origin,
      "personal_token",
      { reason: refusal.reason, ...known },
      {
        repeatsOf: [row.token.id],
      },
    );
    throw refusal.problem;
  }
  personalTokenUse.note(row.token.id);
  const caller = {
    organizationId: row.organization.id,
    credential: "personal_token" as const,
    clientId: null,
    userId: row.user.id,
    tokenId: row.token.id,
    scopes: intersectGrids(row.token.scopes, row.role.permissions),
    label: `${row.user.email} (personal token)`,
    ip,
    userAgent: origin.userAgent,
    requestsPerMinute: null,
  };
  return { outcome: "authenticated", caller };
}
