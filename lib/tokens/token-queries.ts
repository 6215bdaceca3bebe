import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { organizations, personalTokens, roles, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { FULL_GRID, intersectGrids, summarizeGrid } from "@/lib/permissions/grid";
import { effectiveTokenExpiry, expiresSoon, isExpired } from "./token-expiry";

export interface TokenListRow {
  id: string;
  name: string;
  displayPrefix: string;
  ownerEmail: string;
  /** The token follows its owner's role rather than a narrower choice. */
  followsRole: boolean;
  /** What the token can do now: its scopes within the owner's current role. */
  effectiveScopes: Scope[];
  permissionsSummary: string;
  createdAt: Date;
  /** The expiry in force (capped by the policy); null for none. */
  expiresAt: Date | null;
  /** Set when the policy shortened the token's own expiry. */
  cappedByPolicy: boolean;
  lastUsedAt: Date | null;
  expired: boolean;
  expiresSoon: boolean;
}

/** Live (not revoked) tokens of the organization, or of one user, newest first. */
async function listTokens(
  executor: Executor,
  organizationId: string,
  userId?: string,
): Promise<TokenListRow[]> {
  const rows = await executor
    .select({
      token: personalTokens,
      ownerEmail: users.email,
      rolePermissions: roles.permissions,
      policy: {
        maxTokenExpirationDays: organizations.maxTokenExpirationDays,
        allowUnexpiringTokens: organizations.allowUnexpiringTokens,
      },
    })
    .from(personalTokens)
    .innerJoin(users, eq(users.id, personalTokens.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(organizations, eq(organizations.id, personalTokens.organizationId))
    .where(
      and(
        eq(personalTokens.organizationId, organizationId),
        isNull(personalTokens.revokedAt),
        userId ? eq(personalTokens.userId, userId) : undefined,
      ),
    )
    .orderBy(desc(personalTokens.createdAt), desc(personalTokens.id));
  const now = new Date();
  return rows.map(({ token, ownerEmail, rolePermissions, policy }) => {
    const expiry = effectiveTokenExpiry(token, policy);
    const effectiveScopes = intersectGrids(token.scopes, rolePermissions);
    const followsRole = FULL_GRID.every((scope) => token.scopes.includes(scope));
    return {
      id: token.id,
      name: token.name,
      displayPrefix: token.displayPrefix,
      ownerEmail,
      followsRole,
      effectiveScopes,
      permissionsSummary: `${followsRole ? "As role: " : ""}${summarizeGrid(effectiveScopes)}`,
      createdAt: token.createdAt,
      expiresAt: expiry,
      cappedByPolicy: expiry?.getTime() !== token.expiresAt?.getTime(),
      lastUsedAt: token.lastUsedAt,
      expired: isExpired(expiry, now),
      expiresSoon: expiresSoon(expiry, now),
    };
  });
}

export function listUserTokens(executor: Executor, organizationId: string, userId: string) {
  return listTokens(executor, organizationId, userId);
}

export function listOrganizationTokens(executor: Executor, organizationId: string) {
  return listTokens(executor, organizationId);
}

/** The user's live tokens that end within seven days, for the dashboard. */
export async function listTokensExpiringSoon(executor: Executor, organizationId: string, userId: string) {
  return (await listTokens(executor, organizationId, userId)).filter((token) => token.expiresSoon);
}
