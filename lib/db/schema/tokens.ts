import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/permissions/catalogue";
import { createdAt, id, organizationId } from "./columns";
import { users } from "./identity";

/**
 * A user's personal authorization tokens (`lk_pat_…`), stored only as hashes. Their rights are
 * `scopes` intersected with the user's current role; the expiry in force is `expires_at`
 * capped by the organization's policy at check time (see lib/tokens/token-expiry.ts).
 */
export const personalTokens = pgTable(
  "personal_tokens",
  {
    id: id(),
    organizationId: organizationId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Hex HMAC-SHA-256 of the token (see lib/crypto/secret-hash.ts). */
    tokenHash: text("token_hash").notNull(),
    displayPrefix: text("display_prefix").notNull(),
    /** The narrower permissions chosen at creation; every scope means "as my role". */
    scopes: jsonb("scopes").$type<Scope[]>().notNull().default([]),
    /** Null: created without an expiry, where the policy allowed it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("personal_tokens_hash_unique").on(table.tokenHash),
    index("personal_tokens_user_idx").on(table.organizationId, table.userId, table.createdAt),
    index("personal_tokens_live_idx")
      .on(table.organizationId, table.createdAt)
      .where(sql`${table.revokedAt} is null`),
  ],
);

/**
 * Static per-user keys (`lk_legacy_…`) that work only while the organization is at the
 * Legacy security level. One per user; revoking deletes it.
 */
export const legacyApiKeys = pgTable(
  "legacy_api_keys",
  {
    id: id(),
    organizationId: organizationId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    keyHash: text("key_hash").notNull(),
    displayPrefix: text("display_prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("legacy_api_keys_hash_unique").on(table.keyHash),
    uniqueIndex("legacy_api_keys_user_unique").on(table.userId),
    index("legacy_api_keys_organization_idx").on(table.organizationId),
  ],
);

export type PersonalToken = typeof personalTokens.$inferSelect;
export type LegacyApiKey = typeof legacyApiKeys.$inferSelect;
