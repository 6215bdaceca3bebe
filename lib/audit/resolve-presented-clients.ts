import { and, eq, inArray } from "drizzle-orm";
import { CLIENT_TARGET_TYPE } from "@/lib/clients/client-record";
import type { Executor } from "@/lib/db/client";
import { apiClientSecrets, apiClients } from "@/lib/db/schema";
import type { AuditReason } from "./audit-reason-catalogue";
import type { HeldSecurityEvent } from "./security-event";

interface KnownClient {
  organizationId: string;
  status: "active" | "disabled";
  /** The presented secrets that are this client's, by hash. */
  secrets: Map<string, { expiresAt: Date | null; revokedAt: Date | null }>;
}

/**
 * Why a presented secret did not authenticate a client that exists, as the database has it
 * when the event is written (moments later). The same answer went back to the caller in
 * every case; this is for the organization's administrators.
 */
function refusalReason(client: KnownClient, secretHash: string, at: Date): AuditReason {
  const secret = client.secrets.get(secretHash);
  if (!secret) return "wrong_secret";
  if (secret.revokedAt !== null) return "secret_revoked";
  if (secret.expiresAt !== null && secret.expiresAt <= at) return "secret_expired";
  if (client.status === "disabled") return "client_disabled";
  // Right now the secret works: the client or secret changed since the refusal.
  return "credentials_not_valid";
}

/**
 * Gives refusals that named a client their organization and their exact reason, in one query
 * per batch, off the request path: a client that exists puts the refusal in its organization's
 * audit log (an attack on its client is its business); an unknown one leaves it with none.
 * The presented secret's hash is compared in memory and goes no further.
 */
export async function resolvePresentedClients(
  executor: Executor,
  events: readonly HeldSecurityEvent[],
): Promise<HeldSecurityEvent[]> {
  const clientIds = [...new Set(events.flatMap((event) => event.presentedClient?.clientId ?? []))];
  if (clientIds.length === 0) return [...events];
  const hashes = [...new Set(events.flatMap((event) => event.presentedClient?.secretHash ?? []))];
  const rows = await executor
    .select({
      clientId: apiClients.clientId,
      organizationId: apiClients.organizationId,
      status: apiClients.status,
      secretHash: apiClientSecrets.secretHash,
      expiresAt: apiClientSecrets.expiresAt,
      revokedAt: apiClientSecrets.revokedAt,
    })
    .from(apiClients)
    .leftJoin(
      apiClientSecrets,
      and(eq(apiClientSecrets.apiClientId, apiClients.id), inArray(apiClientSecrets.secretHash, hashes)),
    )
    .where(inArray(apiClients.clientId, clientIds));
  const known = new Map<string, KnownClient>();
  for (const row of rows) {
    const client = known.get(row.clientId) ?? {
      organizationId: row.organizationId,
      status: row.status,
      secrets: new Map(),
    };
    if (row.secretHash !== null) {
      client.secrets.set(row.secretHash, { expiresAt: row.expiresAt, revokedAt: row.revokedAt });
    }
    known.set(row.clientId, client);
  }
  return events.map((event) => {
    const { presentedClient, ...rest } = event;
    if (!presentedClient) return event;
    const client = known.get(presentedClient.clientId);
    const resolved: HeldSecurityEvent = {
      ...rest,
      organizationId: client?.organizationId ?? null,
      target: { type: CLIENT_TARGET_TYPE, id: presentedClient.clientId },
    };
    if (event.reason !== "wrong_secret" || !presentedClient.secretHash) return resolved;
    return {
      ...resolved,
      reason: client ? refusalReason(client, presentedClient.secretHash, event.at) : "unknown_client",
    };
  });
}
