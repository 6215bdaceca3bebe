import { getInstallationKeyRing, type InstallationKeyRing } from "@/lib/crypto/installation-keys";
import type { Executor } from "@/lib/db/client";
import { decryptFields, encryptFields } from "@/lib/encryption/field-encryption";

/**
 * How a credential's two secrets are sealed: each under the organization's data key, bound
 * to the organization, the credential's row and its own column.
 */
export const SECRET_FIELDS = {
  apiKey: "outbound_credentials.encrypted_api_key",
  clientSecret: "outbound_credentials.encrypted_client_secret",
} as const;
export type SecretField = keyof typeof SECRET_FIELDS;

export interface CredentialRow {
  organizationId: string;
  /** The credential's id. */
  rowId: string;
}

/** The sealed forms of the secrets given (one or both), keyed as given. */
export async function sealCredentialSecrets(
  executor: Executor,
  row: CredentialRow,
  secrets: Partial<Record<SecretField, string>>,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<Partial<Record<SecretField, string>>> {
  const byColumn: Record<string, string> = {};
  for (const [field, value] of Object.entries(secrets) as [SecretField, string | undefined][])
    if (value !== undefined) byColumn[SECRET_FIELDS[field]] = value;
  const sealed = await encryptFields(executor, row, byColumn, ring);
  const result: Partial<Record<SecretField, string>> = {};
  for (const field of Object.keys(SECRET_FIELDS) as SecretField[]) {
    const value = sealed[SECRET_FIELDS[field]];
    if (value !== undefined) result[field] = value;
  }
  return result;
}

/** Both secrets in clear; UnreadableFieldsError (naming the columns) when either does not decrypt. */
export async function openCredentialSecrets(
  executor: Executor,
  row: CredentialRow,
  sealed: Record<SecretField, string>,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<Record<SecretField, string>> {
  const opened = await decryptFields(
    executor,
    row,
    { [SECRET_FIELDS.apiKey]: sealed.apiKey, [SECRET_FIELDS.clientSecret]: sealed.clientSecret },
    ring,
  );
  return {
    apiKey: opened[SECRET_FIELDS.apiKey] ?? "",
    clientSecret: opened[SECRET_FIELDS.clientSecret] ?? "",
  };
}

/** The secret whose column is this one, for reporting which failed. */
export function secretFieldOfColumn(column: string): SecretField | undefined {
  return (Object.keys(SECRET_FIELDS) as SecretField[]).find((field) => SECRET_FIELDS[field] === column);
}
