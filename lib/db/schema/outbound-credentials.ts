import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { OUTBOUND_CONNECTOR_KEYS } from "../../outbound-credentials/connectors";
import { createdAt, organizationId, updatedAt } from "./columns";
import { users } from "./identity";

export const outboundConnectorEnum = pgEnum("outbound_connector", OUTBOUND_CONNECTOR_KEYS);
export const credentialTestOutcomeEnum = pgEnum("outbound_credential_test_outcome", ["connected", "failed"]);

/**
 * Credentials Latchkey sends to other systems (an Axonius instance's API key and secret).
 * Both secrets are sealed under the organization's data key, bound to this row and column
 * (lib/outbound-credentials/credential-secrets.ts); nothing else here is secret.
 */
export const outboundCredentials = pgTable(
  "outbound_credentials",
  {
    /** Made by Latchkey before the insert: the sealed secrets are bound to it. */
    id: uuid("id").primaryKey(),
    organizationId: organizationId(),
    connector: outboundConnectorEnum("connector").notNull(),
    /** As entered, trimmed and NFC-normalized. */
    name: text("name").notNull(),
    /** The name lower-cased in JavaScript, for case-insensitive uniqueness (as api_clients.name_key). */
    nameKey: text("name_key").notNull(),
    description: text("description").notNull().default(""),
    /** Normalized: https://host[:port][/path], no trailing slash (lib/outbound-credentials/host-url.ts). */
    hostUrl: text("host_url").notNull(),
    encryptedApiKey: text("encrypted_api_key").notNull(),
    encryptedClientSecret: text("encrypted_client_secret").notNull(),
    /** The API key's first and last characters, for recognising it; empty for a key too short to show any. */
    apiKeyStart: text("api_key_start").notNull().default(""),
    apiKeyEnd: text("api_key_end").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
    /** When the API key or client secret was last set. */
    secretsUpdatedAt: timestamp("secrets_updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The last "Test connection"; cleared when the host or a secret changes, since it no longer applies. */
    lastTestOutcome: credentialTestOutcomeEnum("last_test_outcome"),
    lastTestMessage: text("last_test_message"),
    lastTestedAt: timestamp("last_tested_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("outbound_credentials_organization_name_unique").on(table.organizationId, table.nameKey),
    index("outbound_credentials_organization_created_idx").on(
      table.organizationId,
      table.createdAt,
      table.id,
    ),
  ],
);

export type OutboundCredential = typeof outboundCredentials.$inferSelect;
export type CredentialTestOutcome = (typeof credentialTestOutcomeEnum.enumValues)[number];
