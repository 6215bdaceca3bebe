import { and, eq, sql } from "drizzle-orm";
import { type Database, getDb } from "@/lib/db/client";
import { preparedPerConnection } from "@/lib/db/prepared-per-connection";
import { apiClients, organizations, type Plan, revokedAccessTokens } from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { intersectGrids } from "@/lib/permissions/grid";
import type { AccessTokenClaims } from "./access-token";

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
 * What a signature cannot tell: whether the token was revoked, and whether its client still
 * exists, is active and still holds the scopes. One indexed query, on every use of a token,
 * in every process: this is what makes revocation immediate everywhere.
 */
export async function loadLiveTokenState(
  claims: AccessTokenClaims,
  tokenScopes: readonly Scope[],
): Promise<LiveTokenState | null> {
  const [row] = await liveTokenStateQuery(await getDb()).execute({
    jti: claims.jti,
    clientId: claims.client_id,
    organizationId: claims.org_id,
  });
  if (row?.status !== "active" || row.revokedJti !== null) return null;
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
      organization: {
        id: organizations.id,
        plan: organizations.plan,
        restrictApiByIp: organizations.restrictApiByIp,
      },
      revokedJti: revokedAccessTokens.jti,
    })
    .from(apiClients)
    .innerJoin(organizations, eq(organizations.id, apiClients.organizationId))
    .leftJoin(revokedAccessTokens, eq(revokedAccessTokens.jti, sql.placeholder("jti")))
    .where(
      and(
        eq(apiClients.clientId, sql.placeholder("clientId")),
        eq(apiClients.organizationId, sql.placeholder("organizationId")),
      ),
    )
    .limit(1)
    .prepare("latchkey_live_token_state");
}
