import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, organizationId } from "./columns";

/**
 * Each organization's data keys: random 256-bit AES keys that seal its outbound credentials
 * (lib/encryption/field-encryption.ts), each stored only wrapped (AES-256-GCM) by the
 * installation key. Rotating the installation key re-wraps these rows and touches no
 * organization data; a new data key version would seal new values while older versions
 * still open what they sealed.
 */
export const organizationDataKeys = pgTable(
  "organization_data_keys",
  {
    organizationId: organizationId(),
    /** 1 for an organization's first data key; every sealed value names the version it needs. */
    version: integer("version").notNull(),
    /** The id of the installation key that wraps this one (lib/crypto/installation-keys.ts). */
    installationKeyId: text("installation_key_id").notNull(),
    /** The data key sealed by lib/crypto/envelope-encryption.ts, bound to its organization and version. */
    wrappedKey: text("wrapped_key").notNull(),
    createdAt: createdAt(),
    /** When an installation key rotation last re-wrapped it; null until one does. */
    rewrappedAt: timestamp("rewrapped_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.version] })],
);

export type OrganizationDataKey = typeof organizationDataKeys.$inferSelect;
