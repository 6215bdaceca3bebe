import { and, eq, inArray, sql } from "drizzle-orm";
import { liveSecretCondition } from "@/lib/clients/live-client-secret";
import { type Database, getDb } from "@/lib/db/client";
import { preparedPerConnection } from "@/lib/db/prepared-per-connection";
import {
  apiClientSecrets,
  apiClients,
  organizations,
  type Plan,
  revokedAccessTokens,
  signingKeys,
} from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { intersectGrids } from "@/lib/permissions/grid";
import type { AccessTokenClaims } from "./access-token";
import { forgetRetiredKey } from "./signing-keys";

export interface LiveTokenState {
  clientRowId: string;
  clientName: string;
  requestsPerMinute: number | null;
  allowedIps: string[];
  organization: { id: string; plan: Plan; restrictApiByIp: boolean };
  /** The token's scopes narrowed to what the client holds now: reduced permissions apply at once. */
  scopes: Scope[];
}

/**
 * What a signature cannot tell, read on every use of a token in every process — this is what
 * makes revocation immediate everywhere. A token is live while:
 * - it was not revoked (RFC 7009);
 * - its client exists, is active and still holds the scopes (reduced permissions apply at once);
 * - the secret that obtained it is live: rotating without grace, or a grace period that ends,
 *   ends the tokens of the old secret too;
 * - it was issued in the client's current token generation: disabling a client refuses every
 *   earlier token, also after the client is enabled again;
 * - its signing key still verifies: a key retired as compromised refuses its tokens at once,
 *   whatever this process's key ring or verified-token cache still holds.
 * One query, each join by a primary or unique key.
 */
export async function loadLiveTokenState(
  claims: AccessTokenClaims,
  tokenScopes: readonly Scope[],
): Promise<LiveTokenState | null> {
  const [row] = await liveTokenStateQuery(await getDb()).execute({
    jti: claims.jti,
    clientId: claims.client_id,
    organizationId: claims.org_id,
    secretId: claims.lk_sid,
    kid: claims.lk_kid,
  });
  if (!row) return null;
  if (row.liveKid === null) forgetRetiredKey(claims.lk_kid);
  if (
    row.status !== "active" ||
    row.revokedJti !== null ||
    row.liveSecretId === null ||
    row.liveKid === null ||
    row.tokenGeneration !== claims.lk_gen
  ) {
    return null;
  }
  return {
    clientRowId: row.clientRowId,
    clientName: row.clientName,
    requestsPerMinute: row.requestsPerMinute,
    allowedIps: row.allowedIps,
    organization: row.organization,
    scopes: intersectGrids(tokenScopes, row.permissions),
  };
}

const liveTokenStateQuery = preparedPerConnection(buildLiveTokenStateQuery);

function buildLiveTokenStateQuery(db: Database) {
  return db
    .select({
      clientRowId: apiClients.id,
      clientName: apiClients.name,
      requestsPerMinute: apiClients.requestsPerMinute,
      status: apiClients.status,
      permissions: apiClients.permissions,
      allowedIps: apiClients.allowedIps,
      tokenGeneration: apiClients.tokenGeneration,
      organization: {
        id: organizations.id,
        plan: organizations.plan,
        restrictApiByIp: organizations.restrictApiByIp,
      },
      revokedJti: revokedAccessTokens.jti,
      liveSecretId: apiClientSecrets.id,
      liveKid: signingKeys.kid,
    })
    .from(apiClients)
    .innerJoin(organizations, eq(organizations.id, apiClients.organizationId))
    .leftJoin(revokedAccessTokens, eq(revokedAccessTokens.jti, sql.placeholder("jti")))
    .leftJoin(
      apiClientSecrets,
      and(
        eq(apiClientSecrets.id, sql.placeholder("secretId")),
        eq(apiClientSecrets.apiClientId, apiClients.id),
        liveSecretCondition(),
      ),
    )
    .leftJoin(
      signingKeys,
      and(eq(signingKeys.kid, sql.placeholder("kid")), inArray(signingKeys.state, ["current", "previous"])),
    )
    .where(
      and(
        eq(apiClients.clientId, sql.placeholder("clientId")),
        eq(apiClients.organizationId, sql.placeholder("organizationId")),
      ),
    )
    .limit(1)
    .prepare("latchkey_live_token_state");
}
