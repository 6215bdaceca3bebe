import { and, eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DecryptionError, type DecryptionFailure } from "@/lib/crypto/decryption-error";
import {
  installationKeyIdOf,
  openWithInstallationKey,
  sealWithInstallationKey,
} from "@/lib/crypto/envelope-encryption";
import { getInstallationKeyRing, type InstallationKeyRing } from "@/lib/crypto/installation-keys";
import type { Database } from "@/lib/db/client";
import { organizationDataKeys, organizations, signingKeys } from "@/lib/db/schema";
import { signingKeyContext } from "@/lib/oauth/signing-keys";
import { unwrapDataKey, wrapDataKey } from "./organization-data-keys";

export const INSTALLATION_KEY_TARGET_TYPE = "installation_key";
/** How a value written before installation keys had ids is named in reports. */
const UNLABELLED_KEY = "unlabelled (v1)";

export interface InstallationKeyRotation {
  /** The key everything is now sealed under. */
  installationKeyId: string;
  /** The keys values were sealed under before, by id. */
  replacedKeyIds: string[];
  dataKeysRewrapped: number;
  signingKeysResealed: number;
}

/** Some values are sealed under a key this process does not hold, or do not open: nothing was changed. */
export class InstallationKeyUnavailableError extends Error {
  constructor(
    readonly unreadable: ReadonlyArray<{ what: string; reason: DecryptionFailure; keyId: string }>,
  ) {
    const listed = unreadable
      .slice(0, 10)
      .map((entry) => `${entry.what} (key ${entry.keyId}: ${entry.reason})`)
      .join(", ");
    super(
      `${unreadable.length} value(s) could not be opened with LATCHKEY_ENCRYPTION_KEY or LATCHKEY_ENCRYPTION_KEY_PREVIOUS: ${listed}. Nothing was changed.`,
    );
    this.name = "InstallationKeyUnavailableError";
  }
}

/** The id of the key a value is sealed under, as reports name it; a value in no known format opens with none. */
function keyIdOrLabel(sealed: string): string {
  try {
    return installationKeyIdOf(sealed) ?? UNLABELLED_KEY;
  } catch {
    return "unknown";
  }
}

/**
 * Adopts the ring's current installation key for everything sealed under it: re-wraps every
 * organization's data keys and re-seals every token-signing key that is under another key
 * (or under no recorded key), in one transaction with an audit event in every organization.
 * Organization data is not touched: it is sealed under data keys, which do not change.
 *
 * Without downtime: processes that hold both keys (LATCHKEY_ENCRYPTION_KEY the new one,
 * LATCHKEY_ENCRYPTION_KEY_PREVIOUS the old one) read what either sealed before, during and
 * after; once this has run, processes holding only the new key read everything. Running it
 * again re-seals only what is still under another key, and changes nothing when nothing is.
 * Any value that opens with neither key stops it before anything is written.
 */
export async function rotateInstallationKey(
  db: Database,
  actor: AuditActor,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<InstallationKeyRotation> {
  return db.transaction(async (tx) => {
    const unreadable: Array<{ what: string; reason: DecryptionFailure; keyId: string }> = [];
    const replaced = new Set<string>();
    const rewrappedByOrganization = new Map<string, number>();
    let dataKeysRewrapped = 0;
    let signingKeysResealed = 0;

    const dataKeys = await tx.select().from(organizationDataKeys).for("update");
    for (const row of dataKeys) {
      const keyId = keyIdOrLabel(row.wrappedKey);
      if (keyId === ring.current.id) continue;
      try {
        const dataKey = unwrapDataKey(row, ring);
        await tx
          .update(organizationDataKeys)
          .set({
            ...wrapDataKey(row.organizationId, row.version, dataKey.key, ring),
            rewrappedAt: new Date(),
          })
          .where(
            and(
              eq(organizationDataKeys.organizationId, row.organizationId),
              eq(organizationDataKeys.version, row.version),
            ),
          );
        replaced.add(keyId);
        dataKeysRewrapped += 1;
        rewrappedByOrganization.set(
          row.organizationId,
          (rewrappedByOrganization.get(row.organizationId) ?? 0) + 1,
        );
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        unreadable.push({
          what: `data key ${row.version} of organization ${row.organizationId}`,
          reason: error.reason,
          keyId,
        });
      }
    }

    const keys = await tx
      .select({ kid: signingKeys.kid, encryptedPrivateKey: signingKeys.encryptedPrivateKey })
      .from(signingKeys)
      .for("update");
    for (const row of keys) {
      const keyId = keyIdOrLabel(row.encryptedPrivateKey);
      if (keyId === ring.current.id) continue;
      try {
        const pem = openWithInstallationKey(row.encryptedPrivateKey, signingKeyContext(row.kid), ring);
        await tx
          .update(signingKeys)
          .set({ encryptedPrivateKey: sealWithInstallationKey(pem, signingKeyContext(row.kid), ring) })
          .where(eq(signingKeys.kid, row.kid));
        replaced.add(keyId);
        signingKeysResealed += 1;
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        unreadable.push({ what: `signing key ${row.kid}`, reason: error.reason, keyId });
      }
    }

    if (unreadable.length > 0) throw new InstallationKeyUnavailableError(unreadable);
    const rotation: InstallationKeyRotation = {
      installationKeyId: ring.current.id,
      replacedKeyIds: [...replaced].sort(),
      dataKeysRewrapped,
      signingKeysResealed,
    };
    if (dataKeysRewrapped + signingKeysResealed === 0) return rotation;

    // The installation key serves every organization, so every organization's audit log records it.
    const everyOrganization = await tx.select({ id: organizations.id }).from(organizations);
    for (const organization of everyOrganization) {
      await recordAuditEvent(tx, {
        organizationId: organization.id,
        actor,
        action: "installation_key.rotated",
        targetType: INSTALLATION_KEY_TARGET_TYPE,
        targetId: ring.current.id,
        details: {
          replacedKeyIds: rotation.replacedKeyIds,
          organizationDataKeysRewrapped: rewrappedByOrganization.get(organization.id) ?? 0,
          signingKeysResealed,
        },
      });
    }
    return rotation;
  });
}
