import { decodeGcmParts, encodeGcmParts, gcmOpen, gcmSeal } from "@/lib/crypto/aes-gcm";
import { DecryptionError, type DecryptionFailure } from "@/lib/crypto/decryption-error";
import { getInstallationKeyRing, type InstallationKeyRing } from "@/lib/crypto/installation-keys";
import type { Executor } from "@/lib/db/client";
import { currentDataKey, type DataKey, dataKeyByVersion } from "./organization-data-keys";

/**
 * Organization data kept encrypted at rest, sealed (AES-256-GCM) under the organization's
 * data key. Format `f1.<data key version>.<iv>.<tag>.<ciphertext>`. The organization, the
 * row and the field (`table.column`) are bound as associated data: a value copied to another
 * row, field or organization does not decrypt, even within one organization.
 */
const FORMAT = "f1";

/** Where a sealed value belongs. */
export interface FieldRow {
  organizationId: string;
  /** The row's primary key, known before the row is inserted. */
  rowId: string;
}

function associatedData(row: FieldRow, field: string): Buffer {
  return Buffer.from(JSON.stringify(["latchkey field", row.organizationId, row.rowId, field]), "utf8");
}

export function sealField(dataKey: DataKey, row: FieldRow, field: string, plaintext: string): string {
  const sealed = gcmSeal(dataKey.key, Buffer.from(plaintext, "utf8"), associatedData(row, field));
  return [FORMAT, String(dataKey.version), ...encodeGcmParts(sealed)].join(".");
}

/** The data key version a sealed field needs. */
function versionOf(sealed: string): number {
  const [format, version] = sealed.split(".");
  if (format !== FORMAT || !version || !/^[1-9][0-9]{0,8}$/.test(version))
    throw new DecryptionError("malformed");
  return Number(version);
}

/** The plaintext; DecryptionError when the value was altered or moved, or its key is not this one. */
export function openField(dataKey: DataKey, row: FieldRow, field: string, sealed: string): string {
  if (versionOf(sealed) !== dataKey.version || dataKey.organizationId !== row.organizationId)
    throw new DecryptionError("unknown_key", `data key version ${versionOf(sealed)}`);
  const gcm = decodeGcmParts(sealed.split(".").slice(2));
  return gcmOpen(dataKey.key, gcm, associatedData(row, field)).toString("utf8");
}

/** Seals each value of `values` (keyed by field name) under the organization's current data key. */
export async function encryptFields<Field extends string>(
  executor: Executor,
  row: FieldRow,
  values: Record<Field, string>,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<Record<Field, string>> {
  const dataKey = await currentDataKey(executor, row.organizationId, ring);
  const sealed = {} as Record<Field, string>;
  for (const field of Object.keys(values) as Field[])
    sealed[field] = sealField(dataKey, row, field, values[field]);
  return sealed;
}

/** The fields that did not decrypt, and why; never their values. */
export class UnreadableFieldsError extends Error {
  constructor(readonly failures: ReadonlyArray<{ field: string; reason: DecryptionFailure }>) {
    super(
      `Could not decrypt ${failures.map((failure) => `${failure.field} (${failure.reason})`).join(", ")}`,
    );
    this.name = "UnreadableFieldsError";
  }
}

/**
 * Opens each sealed value (keyed by field name), loading each data key version once.
 * Every field is tried, so that UnreadableFieldsError names all that failed.
 */
export async function decryptFields<Field extends string>(
  executor: Executor,
  row: FieldRow,
  sealed: Record<Field, string>,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<Record<Field, string>> {
  const keys = new Map<number, Promise<DataKey>>();
  const opened = {} as Record<Field, string>;
  const failures: Array<{ field: string; reason: DecryptionFailure }> = [];
  for (const field of Object.keys(sealed) as Field[]) {
    try {
      const version = versionOf(sealed[field]);
      let dataKey = keys.get(version);
      if (!dataKey) {
        dataKey = dataKeyByVersion(executor, row.organizationId, version, ring);
        keys.set(version, dataKey);
      }
      opened[field] = openField(await dataKey, row, field, sealed[field]);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      failures.push({ field, reason: error.reason });
    }
  }
  if (failures.length > 0) throw new UnreadableFieldsError(failures);
  return opened;
}
