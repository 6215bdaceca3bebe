import { and, eq, sql } from "drizzle-orm";
import "@/lib/testing/test-secret-pepper";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { RotateClientSecretInput } from "@/lib/clients/client-schemas";
import { currentSecretIdOf, listClientSecrets } from "@/lib/clients/find-client";
import { liveSecretCondition } from "@/lib/clients/live-client-secret";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { type Executor, getDb } from "@/lib/db/client";
import { apiClientSecrets, apiClients, auditEvents } from "@/lib/db/schema";
import { createTestOrganization } from "@/lib/testing/factories";

/** Helpers shared by the client tests (not a test itself). */

export async function createClientTestTenant(options: Parameters<typeof createTestOrganization>[0] = {}) {
  const tenant = await createTestOrganization(options);
  const actor: AuditActor = {
    type: "user",
    id: tenant.admin.id,
    label: tenant.admin.email,
    ip: "203.0.113.7",
  };
  return { ...tenant, organizationId: tenant.organization.id, actor };
}

export async function liveSecretCount(apiClientRowId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ live: sql<number>`count(*)::int` })
    .from(apiClientSecrets)
    .where(and(eq(apiClientSecrets.apiClientId, apiClientRowId), liveSecretCondition()));
  return row?.live ?? 0;
}

export async function countClients(organizationId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(apiClients)
    .where(eq(apiClients.organizationId, organizationId));
  return row?.total ?? 0;
}

export async function auditEventsOf(organizationId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId));
}

/** A stand-in for the database that fails the test if anything touches it. */
export const untouchableExecutor = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(`the database was used (${String(property)}) where it must not be`);
    },
  },
) as never;

/** The client's current secret row ID, as the console form carries it. */
export async function currentSecretIdFor(organizationId: string, clientId: string): Promise<string | null> {
  return currentSecretIdOf(await listClientSecrets(await getDb(), organizationId, clientId));
}

/** Rotates as the console form does: naming the secret that is current now. */
export async function rotateCurrentSecret(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: Omit<RotateClientSecretInput, "replacesSecretId">,
) {
  const replacesSecretId = await currentSecretIdFor(organizationId, input.clientId);
  return rotateClientSecret(executor, organizationId, actor, { ...input, replacesSecretId });
}
