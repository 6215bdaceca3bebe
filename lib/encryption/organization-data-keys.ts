import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { DecryptionError } from "@/lib/crypto/decryption-error";
import { openWithInstallationKey, sealWithInstallationKey } from "@/lib/crypto/envelope-encryption";
import { getInstallationKeyRing, type InstallationKeyRing } from "@/lib/crypto/installation-keys";
import type { Executor } from "@/lib/db/client";
import { organizationDataKeys } from "@/lib/db/schema";

/** An organization's unwrapped data key; it lives in memory only while a value is sealed or opened. */
export interface DataKey {
  organizationId: string;
  version: number;
  key: Buffer;
}

const FIRST_VERSION = 1;

/** What a wrapped data key is bound to: a wrapped key copied to another organization or version does not open. */
export function dataKeyContext(organizationId: string, version: number): string {
  return `organization_data_key:${organizationId}:${version}`;
}

/** A data key sealed by the ring's current installation key, with that key's id beside it. */
export function wrapDataKey(
  organizationId: string,
  version: number,
  key: Buffer,
  ring: InstallationKeyRing,
): { installationKeyId: string; wrappedKey: string } {
  return {
    installationKeyId: ring.current.id,
    wrappedKey: sealWithInstallationKey(key, dataKeyContext(organizationId, version), ring),
  };
}

export function unwrapDataKey(
  row: { organizationId: string; version: number; wrappedKey: string },
  ring: InstallationKeyRing,
): DataKey {
  const key = openWithInstallationKey(row.wrappedKey, dataKeyContext(row.organizationId, row.version), ring);
  if (key.length !== 32) throw new DecryptionError("malformed");
  return { organizationId: row.organizationId, version: row.version, key };
}

const columns = {
  organizationId: organizationDataKeys.organizationId,
  version: organizationDataKeys.version,
  wrappedKey: organizationDataKeys.wrappedKey,
};

/**
 * The data key new values of the organization are sealed with: its newest version, made
 * (random, 256 bits) on first use. Safe when two requests make it at once: one insert wins
 * and both use the winner.
 */
export async function currentDataKey(
  executor: Executor,
  organizationId: string,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<DataKey> {
  const newest = async () => {
    const [row] = await executor
      .select(columns)
      .from(organizationDataKeys)
      .where(eq(organizationDataKeys.organizationId, organizationId))
      .orderBy(desc(organizationDataKeys.version))
      .limit(1);
    return row;
  };
  const existing = await newest();
  if (existing) return unwrapDataKey(existing, ring);

  const key = randomBytes(32);
  const [inserted] = await executor
    .insert(organizationDataKeys)
    .values({
      organizationId,
      version: FIRST_VERSION,
      ...wrapDataKey(organizationId, FIRST_VERSION, key, ring),
    })
    .onConflictDoNothing()
    .returning({ version: organizationDataKeys.version });
  if (inserted) return { organizationId, version: FIRST_VERSION, key };
  const winner = await newest();
  if (!winner) throw new Error("organization data key vanished after a concurrent insert");
  return unwrapDataKey(winner, ring);
}

/** The data key of this version, to open what it sealed; DecryptionError when it does not exist or unwrap. */
export async function dataKeyByVersion(
  executor: Executor,
  organizationId: string,
  version: number,
  ring: InstallationKeyRing = getInstallationKeyRing(),
): Promise<DataKey> {
  const [row] = await executor
    .select(columns)
    .from(organizationDataKeys)
    .where(
      and(eq(organizationDataKeys.organizationId, organizationId), eq(organizationDataKeys.version, version)),
    )
    .limit(1);
  if (!row) throw new DecryptionError("unknown_key", `data key version ${version}`);
  return unwrapDataKey(row, ring);
}
