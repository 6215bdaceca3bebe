import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiClientSecrets } from "./clients";
import { organizationId } from "./columns";

/**
 * Requests counted per subject (an API client, a personal token, a legacy key, a user's Basic
 * calls), endpoint, outcome and scope, per hour and per day (UTC). Written off the request path
 * by lib/usage/usage-rollup-writer.ts, which adds to `count`; a chart reads a bounded number
 * of rows whatever the traffic: one per bucket, outcome and scope used.
 */
export const usageRollups = pgTable(
  "usage_rollups",
  {
    organizationId: organizationId(),
    /** What `subject_id` names: see lib/usage/usage-subject.ts. */
    subjectKind: text("subject_kind").notNull(),
    /** A client's public client ID; a personal token's, legacy key's or user's row ID. */
    subjectId: text("subject_id").notNull(),
    /** `hour` or `day`. */
    granularity: text("granularity").notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    /** `api` (/api/v1) or `token` (the token endpoint). */
    endpoint: text("endpoint").notNull(),
    /** See lib/usage/usage-outcomes.ts. */
    outcome: text("outcome").notNull(),
    /** The catalogue scope of the operation (`cases:read`); '' when none applies. */
    scope: text("scope").notNull().default(""),
    count: integer("count").notNull(),
  },
  (table) => [
    // Serves one subject's chart: its rows of one granularity, by time.
    primaryKey({
      name: "usage_rollups_pk",
      columns: [
        table.organizationId,
        table.subjectKind,
        table.subjectId,
        table.granularity,
        table.bucketStart,
        table.endpoint,
        table.outcome,
        table.scope,
      ],
    }),
    // The organization's traffic and its top clients, by time.
    index("usage_rollups_organization_idx").on(table.organizationId, table.granularity, table.bucketStart),
    // Retention: old hourly rows go first.
    index("usage_rollups_retention_idx").on(table.granularity, table.bucketStart),
  ],
);

/**
 * The batches already added to the rollups: a batch tried again after its answer was lost (it
 * was written, but the connection died first) finds its ID here and adds nothing twice.
 */
export const usageRollupBatches = pgTable("usage_rollup_batches", {
  id: uuid("id").primaryKey(),
  writtenAt: timestamp("written_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A subject's latest allowed request: when, from which address, with which user agent. */
export const usageLastSeen = pgTable(
  "usage_last_seen",
  {
    organizationId: organizationId(),
    subjectKind: text("subject_kind").notNull(),
    subjectId: text("subject_id").notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    ip: text("ip").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    /** `api` or `token`: what the request was. */
    endpoint: text("endpoint").notNull(),
  },
  (table) => [
    primaryKey({
      name: "usage_last_seen_pk",
      columns: [table.organizationId, table.subjectKind, table.subjectId],
    }),
  ],
);

/**
 * Uses of a client secret after it was rotated out (while it had an end, in its grace period):
 * API calls it authenticated, directly or through an access token it obtained, and the tokens
 * it obtained. Tells an administrator whether the old secret can be stopped yet.
 */
export const oldSecretUsage = pgTable("old_secret_usage", {
  secretId: uuid("secret_id")
    .primaryKey()
    .references(() => apiClientSecrets.id, { onDelete: "cascade" }),
  organizationId: organizationId(),
  apiCalls: integer("api_calls").notNull().default(0),
  tokensIssued: integer("tokens_issued").notNull().default(0),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
});

/** The addresses an old secret was last used from: the five most recent per secret are kept. */
export const oldSecretAddresses = pgTable(
  "old_secret_addresses",
  {
    secretId: uuid("secret_id")
      .notNull()
      .references(() => apiClientSecrets.id, { onDelete: "cascade" }),
    organizationId: organizationId(),
    ip: text("ip").notNull(),
    uses: integer("uses").notNull().default(0),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (table) => [
    primaryKey({ columns: [table.secretId, table.ip] }),
    index("old_secret_addresses_recent_idx").on(table.secretId, table.lastUsedAt),
  ],
);
