import { outboundCredentials } from "@/lib/db/schema";

/**
 * The columns of a credential that leave the domain layer: everything but the internal name
 * key and the two sealed secrets, so a record is safe to render, log or send to a browser.
 */
export const credentialColumns = {
  id: outboundCredentials.id,
  organizationId: outboundCredentials.organizationId,
  connector: outboundCredentials.connector,
  name: outboundCredentials.name,
  description: outboundCredentials.description,
  hostUrl: outboundCredentials.hostUrl,
  apiKeyStart: outboundCredentials.apiKeyStart,
  apiKeyEnd: outboundCredentials.apiKeyEnd,
  createdBy: outboundCredentials.createdBy,
  createdAt: outboundCredentials.createdAt,
  updatedBy: outboundCredentials.updatedBy,
  updatedAt: outboundCredentials.updatedAt,
  secretsUpdatedAt: outboundCredentials.secretsUpdatedAt,
  lastTestOutcome: outboundCredentials.lastTestOutcome,
  lastTestMessage: outboundCredentials.lastTestMessage,
  lastTestedAt: outboundCredentials.lastTestedAt,
};

export type OutboundCredentialRecord = {
  [K in keyof typeof credentialColumns]: (typeof outboundCredentials.$inferSelect)[K];
};

/** The key that makes names unique regardless of case (see schema/outbound-credentials.ts). */
export function credentialNameKey(name: string): string {
  return name.toLowerCase().normalize("NFC");
}

export const CREDENTIAL_TARGET_TYPE = "outbound_credential";

/** The unique index that makes a duplicate name fail (schema/outbound-credentials.ts). */
export const CREDENTIAL_NAME_UNIQUE = "outbound_credentials_organization_name_unique";
