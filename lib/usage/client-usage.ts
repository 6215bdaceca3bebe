import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { oldSecretAddresses, oldSecretUsage, usageLastSeen, usageRollups } from "@/lib/db/schema";
import { isScope, type Scope } from "@/lib/permissions/catalogue";
import { DAY_MS, OLD_SECRET_ADDRESSES } from "./usage-aggregator";
import type { UsageSubjectKind } from "./usage-subject";

/** "Scopes used" looks this far back, in daily rollups. */
export const SCOPES_USED_DAYS = 90;

/** A subject's latest allowed request, or null when none was seen. */
export async function loadLastSeen(
  executor: Executor,
  organizationId: string,
  subject: { kind: UsageSubjectKind; id: string },
) {
  const [row] = await executor
    .select({
      at: usageLastSeen.lastSeenAt,
      ip: usageLastSeen.ip,
      userAgent: usageLastSeen.userAgent,
      endpoint: usageLastSeen.endpoint,
    })
    .from(usageLastSeen)
    .where(
      and(
        eq(usageLastSeen.organizationId, organizationId),
        eq(usageLastSeen.subjectKind, subject.kind),
        eq(usageLastSeen.subjectId, subject.id),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Allowed API calls per scope over the last SCOPES_USED_DAYS days (UTC days, today included). */
export async function loadScopesUsed(
  executor: Executor,
  organizationId: string,
  clientId: string,
  now = Date.now(),
): Promise<Map<Scope, number>> {
  const since = new Date(Math.floor(now / DAY_MS) * DAY_MS - (SCOPES_USED_DAYS - 1) * DAY_MS);
  const rows = await executor
    .select({ scope: usageRollups.scope, calls: sql<number>`sum(${usageRollups.count})`.mapWith(Number) })
    .from(usageRollups)
    .where(
      and(
        eq(usageRollups.organizationId, organizationId),
        eq(usageRollups.subjectKind, "client"),
        eq(usageRollups.subjectId, clientId),
        eq(usageRollups.granularity, "day"),
        gte(usageRollups.bucketStart, since),
        eq(usageRollups.endpoint, "api"),
        eq(usageRollups.outcome, "allowed"),
        ne(usageRollups.scope, ""),
      ),
    )
    .groupBy(usageRollups.scope);
  const used = new Map<Scope, number>();
  for (const row of rows) if (isScope(row.scope)) used.set(row.scope, row.calls);
  return used;
}

export interface OldSecretTraffic {
  apiCalls: number;
  tokensIssued: number;
  lastUsedAt: Date;
  addresses: { ip: string; uses: number; lastUsedAt: Date; userAgent: string }[];
}

/** What each of these old secrets was used for since it was rotated out, by secret ID. */
export async function loadOldSecretTraffic(
  executor: Executor,
  organizationId: string,
  secretIds: readonly string[],
): Promise<Map<string, OldSecretTraffic>> {
  const traffic = new Map<string, OldSecretTraffic>();
  if (secretIds.length === 0) return traffic;
  const [usage, addresses] = await Promise.all([
    executor
      .select()
      .from(oldSecretUsage)
      .where(
        and(
          eq(oldSecretUsage.organizationId, organizationId),
          inArray(oldSecretUsage.secretId, [...secretIds]),
        ),
      ),
    executor
      .select()
      .from(oldSecretAddresses)
      .where(
        and(
          eq(oldSecretAddresses.organizationId, organizationId),
          inArray(oldSecretAddresses.secretId, [...secretIds]),
        ),
      )
      .orderBy(desc(oldSecretAddresses.lastUsedAt), oldSecretAddresses.ip),
  ]);
  for (const row of usage) {
    traffic.set(row.secretId, {
      apiCalls: row.apiCalls,
      tokensIssued: row.tokensIssued,
      lastUsedAt: row.lastUsedAt,
      addresses: addresses
        .filter((address) => address.secretId === row.secretId)
        .slice(0, OLD_SECRET_ADDRESSES)
        .map(({ ip, uses, lastUsedAt, userAgent }) => ({ ip, uses, lastUsedAt, userAgent })),
    });
  }
  return traffic;
}
