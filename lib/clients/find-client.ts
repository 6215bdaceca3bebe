import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets, apiClients } from "@/lib/db/schema";
import { isWellFormedClientId } from "./client-id";
import { type ClientRecord, clientColumns } from "./client-record";

function byOrganizationAndClientId(organizationId: string, clientId: string) {
  return and(eq(apiClients.organizationId, organizationId), eq(apiClients.clientId, clientId));
}

/** The client with this public ID in this organization; null for any other organization's. */
export async function findClientForOrganization(
  executor: Executor,
  organizationId: string,
  clientId: string,
): Promise<ClientRecord | null> {
  if (!isWellFormedClientId(clientId)) return null;
  const [client] = await executor
    .select(clientColumns)
    .from(apiClients)
    .where(byOrganizationAndClientId(organizationId, clientId))
    .limit(1);
  return client ?? null;
}

/**
 * Same, locking the row until the transaction ends: commands on one client (two rotations,
 * an edit and a delete) then run one after the other instead of interleaving.
 */
export async function lockClientForUpdate(
  executor: Executor,
  organizationId: string,
  clientId: string,
): Promise<ClientRecord | null> {
  if (!isWellFormedClientId(clientId)) return null;
  const [client] = await executor
    .select(clientColumns)
    .from(apiClients)
    .where(byOrganizationAndClientId(organizationId, clientId))
    .for("update")
    .limit(1);
  return client ?? null;
}

export interface ClientSecretSummary {
  /** The row's ID (not a secret): what a rotation names as the secret it replaces. */
  id: string;
  displayPrefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** The client's secrets for display (prefix and dates only, never a hash), newest first. */
export async function listClientSecrets(
  executor: Executor,
  organizationId: string,
  clientId: string,
): Promise<ClientSecretSummary[]> {
  if (!isWellFormedClientId(clientId)) return [];
  return executor
    .select({
      id: apiClientSecrets.id,
      displayPrefix: apiClientSecrets.displayPrefix,
      createdAt: apiClientSecrets.createdAt,
      expiresAt: apiClientSecrets.expiresAt,
      revokedAt: apiClientSecrets.revokedAt,
    })
    .from(apiClientSecrets)
    .innerJoin(apiClients, eq(apiClients.id, apiClientSecrets.apiClientId))
    .where(
      and(
        eq(apiClientSecrets.organizationId, organizationId),
        byOrganizationAndClientId(organizationId, clientId),
      ),
    )
    .orderBy(desc(apiClientSecrets.createdAt), desc(apiClientSecrets.id));
}

/** The current secret among a client's secrets (neither revoked nor in a grace period), if any. */
export function currentSecretIdOf(secrets: readonly ClientSecretSummary[]): string | null {
  return secrets.find((secret) => secret.revokedAt === null && secret.expiresAt === null)?.id ?? null;
}
