import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/permissions/catalogue";
import { createdAt, id, organizationId, updatedAt } from "./columns";
import { users } from "./identity";

export const clientStatusEnum = pgEnum("api_client_status", ["active", "disabled"]);

/** Machine identities that trade a client secret for access to the organization's API. */
export const apiClients = pgTable(
  "api_clients",
  {
    id: id(),
    organizationId: organizationId(),
    /** Public identifier (`lkc_` + 24 base62), sent with the secret; unique across organizations. */
    clientId: text("client_id").notNull(),
    /** As entered, trimmed and NFC-normalized. */
    name: text("name").notNull(),
    /**
     * The name lower-cased in JavaScript, for case-insensitive uniqueness and ordering.
     * A column rather than an index on lower(name), because PostgreSQL's lower() follows the
     * database locale (ASCII only under "C", as in embedded PGlite) and both backends must agree.
     */
    nameKey: text("name_key").notNull(),
    description: text("description").notNull().default(""),
    /** Normalized addresses and CIDR ranges (see lib/net/ip-allow-list.ts). */
    allowedIps: jsonb("allowed_ips").$type<string[]>().notNull().default([]),
    /** Allowed scopes; empty means nothing is allowed. */
    permissions: jsonb("permissions").$type<Scope[]>().notNull().default([]),
    status: clientStatusEnum("status").notNull().default("active"),
    /**
     * Access tokens carry the generation they were issued in; moving it on (when the client is
     * disabled) refuses every token issued before, even once the client is enabled again.
     * A counter rather than a time, so that a token issued in the same second after the
     * change still works.
     */
    tokenGeneration: integer("token_generation").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /**
     * Where the idle-client policy starts counting when the client was never used since: its
     * creation, or the last time it was enabled again (enabling restarts the clock).
     */
    idleClockStartedAt: timestamp("idle_clock_started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Why the client is disabled when Latchkey disabled it ("idle": the idle-client policy); null otherwise. */
    disabledReason: text("disabled_reason"),
    /** Requests per minute this client may make to /api/v1; null means the installation default. */
    requestsPerMinute: integer("requests_per_minute"),
  },
  (table) => [
    uniqueIndex("api_clients_client_id_unique").on(table.clientId),
    // Also serves the list sorted by name, and its count, for one organization.
    uniqueIndex("api_clients_organization_name_unique").on(table.organizationId, table.nameKey),
    index("api_clients_organization_created_idx").on(table.organizationId, table.createdAt, table.id),
    index("api_clients_organization_last_used_idx").on(table.organizationId, table.lastUsedAt, table.id),
  ],
);

/**
 * Secrets of API clients, stored only as hashes. A client has one current secret and,
 * during a rotation's grace period, the previous one, which ends at `expires_at`.
 */
export const apiClientSecrets = pgTable(
  "api_client_secrets",
  {
    id: id(),
    organizationId: organizationId(),
    /** The owning client's row id (not its public client ID). */
    apiClientId: uuid("api_client_id")
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    /** Hex HMAC-SHA-256 of the secret (see lib/crypto/secret-hash.ts). */
    secretHash: text("secret_hash").notNull(),
    /** The secret's prefix and first characters, for display. */
    displayPrefix: text("display_prefix").notNull(),
    createdAt: createdAt(),
    /** End of the grace period of a rotated-out secret; null for the current secret. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /**
     * When the end of this secret's grace period was written to the audit log (see
     * lib/clients/record-lapsed-secret-graces.ts): each lapse is recorded once, by one process.
     */
    graceLapseRecordedAt: timestamp("grace_lapse_recorded_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("api_client_secrets_hash_unique").on(table.secretHash),
    index("api_client_secrets_client_live_idx")
      .on(table.apiClientId, table.createdAt)
      .where(sql`${table.revokedAt} is null`),
    // The grace periods whose end is still to be recorded: few rows, found without a scan.
    index("api_client_secrets_grace_lapse_pending_idx")
      .on(table.expiresAt)
      .where(
        sql`${table.expiresAt} is not null and ${table.revokedAt} is null and ${table.graceLapseRecordedAt} is null`,
      ),
  ],
);

export type ApiClient = typeof apiClients.$inferSelect;
export type ApiClientSecret = typeof apiClientSecrets.$inferSelect;
export type ClientStatus = (typeof clientStatusEnum.enumValues)[number];
