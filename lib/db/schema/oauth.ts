import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizationId } from "./columns";

export const signingKeyStateEnum = pgEnum("signing_key_state", ["current", "previous", "retired"]);

/**
 * The installation's token-signing keys. Instance-wide rather than per organization: the
 * issuer is the installation, and tokens carry their organization as a claim.
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    /** The JWK `kid`. */
    kid: text("kid").primaryKey(),
    algorithm: text("algorithm").notNull(),
    publicJwk: jsonb("public_jwk").$type<Record<string, string>>().notNull(),
    /** PKCS#8 PEM, sealed with lib/crypto/envelope-encryption.ts. */
    encryptedPrivateKey: text("encrypted_private_key").notNull(),
    state: signingKeyStateEnum("state").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  // At most one current and one previous key, even when several processes start at once.
  (table) => [
    uniqueIndex("signing_keys_one_current").on(table.state).where(sql`${table.state} = 'current'`),
    uniqueIndex("signing_keys_one_previous").on(table.state).where(sql`${table.state} = 'previous'`),
  ],
);

/** Access tokens revoked before their expiry; rows can go once `expires_at` has passed. */
export const revokedAccessTokens = pgTable(
  "revoked_access_tokens",
  {
    jti: text("jti").primaryKey(),
    organizationId: organizationId(),
    clientId: text("client_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("revoked_access_tokens_expires_idx").on(table.expiresAt)],
);

/** One resource API call, written in batches off the request path. */
export const apiRequestLog = pgTable(
  "api_request_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    clientId: text("client_id"),
    userId: uuid("user_id"),
    tokenId: text("token_id"),
    credential: text("credential").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    ip: text("ip").notNull(),
    durationMs: real("duration_ms").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("api_request_log_client_idx").on(table.organizationId, table.clientId, table.createdAt)],
);
