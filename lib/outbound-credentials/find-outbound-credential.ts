import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { credentialColumns, type OutboundCredentialRecord } from "./credential-record";
import { credentialIdSchema } from "./credential-schemas";

/** True for an id that can name a credential (a UUID); anything else is simply not found. */
export function isWellFormedCredentialId(id: string): boolean {
  return credentialIdSchema.safeParse(id).success;
}

export function byOrganizationAndId(organizationId: string, id: string) {
  return and(eq(outboundCredentials.organizationId, organizationId), eq(outboundCredentials.id, id));
}

/** The credential with this id in this organization (safe fields only); null for any other organization's. */
export async function findOutboundCredential(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<OutboundCredentialRecord | null> {
  if (!isWellFormedCredentialId(id)) return null;
  const [credential] = await executor
    .select(credentialColumns)
    .from(outboundCredentials)
    .where(byOrganizationAndId(organizationId, id))
    .limit(1);
  return credential ?? null;
}

/**
 * Same, locking the row until the transaction ends, so that commands on one credential (an
 * edit, a secret replacement, a delete) run one after the other instead of interleaving.
 */
export async function lockOutboundCredential(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<OutboundCredentialRecord | null> {
  if (!isWellFormedCredentialId(id)) return null;
  const [credential] = await executor
    .select(credentialColumns)
    .from(outboundCredentials)
    .where(byOrganizationAndId(organizationId, id))
    .for("update")
    .limit(1);
  return credential ?? null;
}
