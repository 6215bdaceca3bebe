import { and, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/lib/db/client";
import {
  apiClientSecrets,
  apiClients,
  oldSecretAddresses,
  oldSecretUsage,
  organizations,
  personalTokens,
  usageLastSeen,
  usageRollupBatches,
  usageRollups,
} from "@/lib/db/schema";
import { DAY_MS, OLD_SECRET_ADDRESSES, type RollupIncrement, type UsageSnapshot } from "./usage-aggregator";
import type { UsageAttribution } from "./usage-event";
import type { UsageSubject } from "./usage-subject";

/** Rows per statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

type RollupRow = typeof usageRollups.$inferInsert;

/** One order for every writer, so that two processes adding to the same rows cannot deadlock. */
function byKey<T>(keyOf: (item: T) => string) {
  return (a: T, b: T) => {
    const left = keyOf(a);
    const right = keyOf(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Refused credentials' subjects, looked up now that the request has long been answered. */
async function resolveAttributions(tx: Transaction, rollups: readonly RollupIncrement[]) {
  const clientIds = new Set<string>();
  const tokenHashes = new Set<string>();
  for (const { attribution } of rollups) {
    if (attribution.kind === "named_client") clientIds.add(attribution.clientId);
    if (attribution.kind === "presented_token") tokenHashes.add(attribution.tokenHash);
  }
  const clients = new Map<string, string>();
  for (const ids of chunks([...clientIds])) {
    const rows = await tx
      .select({ clientId: apiClients.clientId, organizationId: apiClients.organizationId })
      .from(apiClients)
      .where(inArray(apiClients.clientId, ids));
    for (const row of rows) clients.set(row.clientId, row.organizationId);
  }
  const tokens = new Map<string, { id: string; organizationId: string }>();
  for (const hashes of chunks([...tokenHashes])) {
    const rows = await tx
      .select({
        id: personalTokens.id,
        organizationId: personalTokens.organizationId,
        tokenHash: personalTokens.tokenHash,
      })
      .from(personalTokens)
      .where(inArray(personalTokens.tokenHash, hashes));
    for (const row of rows) tokens.set(row.tokenHash, { id: row.id, organizationId: row.organizationId });
  }
  return (attribution: UsageAttribution): UsageSubject | null => {
    switch (attribution.kind) {
      case "subject":
        return attribution.subject;
      case "named_client": {
        const organizationId = clients.get(attribution.clientId);
        return organizationId ? { organizationId, kind: "client", id: attribution.clientId } : null;
      }
      case "presented_token": {
        const token = tokens.get(attribution.tokenHash);
        return token ? { organizationId: token.organizationId, kind: "personal_token", id: token.id } : null;
      }
    }
  };
}

/**
 * The organizations that still exist, locked against deletion until the batch commits (as a
 * foreign key check would), so that one deleted organization cannot make the whole batch fail.
 */
async function lockOrganizations(tx: Transaction, ids: ReadonlySet<string>): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const chunk of chunks([...ids])) {
    const rows = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.id, chunk))
      .for("key share");
    for (const row of rows) existing.add(row.id);
  }
  return existing;
}

/** Hourly and daily rows, each key once (an INSERT … ON CONFLICT may touch a row only once). */
function rollupRows(
  increments: readonly RollupIncrement[],
  subjectOf: (a: UsageAttribution) => UsageSubject | null,
) {
  const rows = new Map<string, RollupRow>();
  const add = (row: RollupRow) => {
    const key = [
      row.organizationId,
      row.subjectKind,
      row.subjectId,
      row.granularity,
      row.bucketStart.getTime(),
      row.endpoint,
      row.outcome,
      row.scope,
    ].join("|");
    const existing = rows.get(key);
    if (existing) existing.count += row.count;
    else rows.set(key, row);
  };
  for (const increment of increments) {
    const subject = subjectOf(increment.attribution);
    if (!subject) continue;
    const common = {
      organizationId: subject.organizationId,
      subjectKind: subject.kind,
      subjectId: subject.id,
      endpoint: increment.endpoint,
      outcome: increment.outcome,
      scope: increment.scope,
    };
    const hour = increment.hourStart.getTime();
    add({ ...common, granularity: "hour", bucketStart: new Date(hour), count: increment.count });
    add({
      ...common,
      granularity: "day",
      bucketStart: new Date(Math.floor(hour / DAY_MS) * DAY_MS),
      count: increment.count,
    });
  }
  return [...rows.entries()].sort(byKey(([key]) => key)).map(([, row]) => row);
}

async function addRollups(tx: Transaction, rows: RollupRow[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx
      .insert(usageRollups)
      .values(chunk)
      .onConflictDoUpdate({
        target: [
          usageRollups.organizationId,
          usageRollups.subjectKind,
          usageRollups.subjectId,
          usageRollups.granularity,
          usageRollups.bucketStart,
          usageRollups.endpoint,
          usageRollups.outcome,
          usageRollups.scope,
        ],
        set: { count: sql`${usageRollups.count} + excluded.count` },
      });
  }
}

async function noteLastSeen(tx: Transaction, snapshot: UsageSnapshot, organizationIds: ReadonlySet<string>) {
  const rows = snapshot.lastSeen
    .filter((seen) => organizationIds.has(seen.subject.organizationId))
    .map((seen) => ({
      organizationId: seen.subject.organizationId,
      subjectKind: seen.subject.kind,
      subjectId: seen.subject.id,
      lastSeenAt: seen.at,
      ip: seen.ip,
      userAgent: seen.userAgent,
      endpoint: seen.endpoint,
    }))
    .sort(byKey((row) => `${row.organizationId}|${row.subjectKind}|${row.subjectId}`));
  for (const chunk of chunks(rows)) {
    await tx
      .insert(usageLastSeen)
      .values(chunk)
      .onConflictDoUpdate({
        target: [usageLastSeen.organizationId, usageLastSeen.subjectKind, usageLastSeen.subjectId],
        set: {
          lastSeenAt: sql`excluded.last_seen_at`,
          ip: sql`excluded.ip`,
          userAgent: sql`excluded.user_agent`,
          endpoint: sql`excluded.endpoint`,
        },
        setWhere: sql`excluded.last_seen_at >= ${usageLastSeen.lastSeenAt}`,
      });
  }
}

/**
 * Uses of secrets that were rotated out (they have an end) by the time the batch is written:
 * a use within seconds before a rotation may count as the old secret's, never the other way.
 */
async function addOldSecretUses(tx: Transaction, snapshot: UsageSnapshot): Promise<void> {
  if (snapshot.secrets.length === 0) return;
  const old = new Map<string, string>();
  for (const ids of chunks(snapshot.secrets.map((use) => use.secretId).sort())) {
    const rows = await tx
      .select({ id: apiClientSecrets.id, organizationId: apiClientSecrets.organizationId })
      .from(apiClientSecrets)
      .where(and(inArray(apiClientSecrets.id, ids), isNotNull(apiClientSecrets.expiresAt)))
      .for("key share");
    for (const row of rows) old.set(row.id, row.organizationId);
  }
  const uses = snapshot.secrets.filter((use) => old.has(use.secretId)).sort(byKey((use) => use.secretId));
  if (uses.length === 0) return;
  for (const chunk of chunks(uses)) {
    await tx
      .insert(oldSecretUsage)
      .values(
        chunk.map((use) => ({
          secretId: use.secretId,
          organizationId: old.get(use.secretId) ?? "",
          apiCalls: use.apiCalls,
          tokensIssued: use.tokensIssued,
          lastUsedAt: use.lastUsedAt,
        })),
      )
      .onConflictDoUpdate({
        target: oldSecretUsage.secretId,
        set: {
          apiCalls: sql`${oldSecretUsage.apiCalls} + excluded.api_calls`,
          tokensIssued: sql`${oldSecretUsage.tokensIssued} + excluded.tokens_issued`,
          lastUsedAt: sql`greatest(${oldSecretUsage.lastUsedAt}, excluded.last_used_at)`,
        },
      });
  }
  const addresses = uses
    .flatMap((use) =>
      use.addresses.map((address) => ({
        secretId: use.secretId,
        organizationId: old.get(use.secretId) ?? "",
        ip: address.ip,
        uses: address.uses,
        lastUsedAt: address.lastUsedAt,
        userAgent: address.userAgent,
      })),
    )
    .sort(byKey((address) => `${address.secretId}|${address.ip}`));
  for (const chunk of chunks(addresses)) {
    await tx
      .insert(oldSecretAddresses)
      .values(chunk)
      .onConflictDoUpdate({
        target: [oldSecretAddresses.secretId, oldSecretAddresses.ip],
        set: {
          uses: sql`${oldSecretAddresses.uses} + excluded.uses`,
          lastUsedAt: sql`greatest(${oldSecretAddresses.lastUsedAt}, excluded.last_used_at)`,
          userAgent: sql`case when excluded.last_used_at >= ${oldSecretAddresses.lastUsedAt} then excluded.user_agent else ${oldSecretAddresses.userAgent} end`,
        },
      });
  }
  // Only the most recent addresses of each secret are kept.
  for (const chunk of chunks(uses.map((use) => use.secretId))) {
    const ids = sql.join(
      chunk.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await tx.execute(sql`
      delete from ${oldSecretAddresses} as a
      where a.secret_id in (${ids})
        and a.ip not in (
          select b.ip from ${oldSecretAddresses} as b
          where b.secret_id = a.secret_id
          order by b.last_used_at desc, b.ip
          limit ${sql.raw(String(OLD_SECRET_ADDRESSES))}
        )`);
  }
}

/**
 * Adds one snapshot of counts to the rollups, last-seen rows and old-secret uses, in one
 * transaction that first records the snapshot's ID: written again (a retry after a lost
 * answer), it adds nothing. Subjects of refused credentials are attributed here; what names
 * no known client or token, or an organization deleted since, is left out.
 */
export async function writeUsageSnapshot(executor: Executor, snapshot: UsageSnapshot): Promise<void> {
  await executor.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(usageRollupBatches)
      .values({ id: snapshot.id })
      .onConflictDoNothing()
      .returning({ id: usageRollupBatches.id });
    if (!fresh) return;
    const subjectOf = await resolveAttributions(tx, snapshot.rollups);
    const rows = rollupRows(snapshot.rollups, subjectOf);
    const organizationIds = await lockOrganizations(
      tx,
      new Set([
        ...rows.map((row) => row.organizationId),
        ...snapshot.lastSeen.map((seen) => seen.subject.organizationId),
      ]),
    );
    await addRollups(
      tx,
      rows.filter((row) => organizationIds.has(row.organizationId)),
    );
    await noteLastSeen(tx, snapshot, organizationIds);
    await addOldSecretUses(tx, snapshot);
  });
}
