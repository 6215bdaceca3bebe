import { apiClients } from "@/lib/db/schema";

/**
 * The columns of a client that leave the domain layer: everything but the internal name key.
 * No secret is stored on this table, so a record is safe to render.
 */
export const clientColumns = {
  id: apiClients.id,
  organizationId: apiClients.organizationId,
  clientId: apiClients.clientId,
  name: apiClients.name,
  description: apiClients.description,
  allowedIps: apiClients.allowedIps,
  permissions: apiClients.permissions,
  status: apiClients.status,
  createdBy: apiClients.createdBy,
  createdAt: apiClients.createdAt,
  updatedAt: apiClients.updatedAt,
  lastUsedAt: apiClients.lastUsedAt,
  idleClockStartedAt: apiClients.idleClockStartedAt,
  disabledReason: apiClients.disabledReason,
  requestsPerMinute: apiClients.requestsPerMinute,
};

export type ClientRecord = {
  [K in keyof typeof clientColumns]: (typeof apiClients.$inferSelect)[K];
};

/** The key that makes names unique and ordered regardless of case (see schema/clients.ts). */
export function clientNameKey(name: string): string {
  return name.toLowerCase().normalize("NFC");
}

export const CLIENT_TARGET_TYPE = "api_client";
