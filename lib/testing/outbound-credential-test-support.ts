import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { createOutboundCredential } from "@/lib/outbound-credentials/create-outbound-credential";
import type { CreateOutboundCredentialInput } from "@/lib/outbound-credentials/credential-schemas";
import type { HostUrlGuard } from "@/lib/outbound-credentials/host-url-check";
import { createClientTestTenant } from "@/lib/testing/client-test-support";

/** Helpers shared by the outbound credential tests (not a test itself). */

/** A guard that admits every host: these tests are about storage, not the network checks. */
export const ADMIT_ANY_HOST: HostUrlGuard = { checkHostUrl: async () => null };

/** A guard answering `reason` (null: admitted), recording the URLs it was asked about. */
function recordingGuard(reason: string | null): HostUrlGuard & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    checkHostUrl: async (url) => {
      asked.push(url);
      return reason;
    },
  };
}

export const refusingGuard = (reason: string) => recordingGuard(reason);
export const admittingGuard = () => recordingGuard(null);

/** Secrets that no other text in the database could contain by chance. */
export function distinctiveSecrets() {
  const tag = randomUUID().replace(/-/g, "");
  return { apiKey: `AXK${tag}apikeyBODY`, clientSecret: `AXS${tag}secretBODY` };
}

export async function createCredentialTestTenant() {
  return createClientTestTenant();
}

export async function createTestCredential(
  organizationId: string,
  actor: Parameters<typeof createOutboundCredential>[2],
  overrides: Partial<CreateOutboundCredentialInput> = {},
) {
  const secrets = distinctiveSecrets();
  const input = {
    name: `Axonius ${randomUUID().slice(0, 8)}`,
    hostUrl: "https://axonius.example.com",
    ...secrets,
    ...overrides,
  };
  const credential = await createOutboundCredential(
    await getDb(),
    organizationId,
    actor,
    input,
    ADMIT_ANY_HOST,
  );
  return { credential, apiKey: input.apiKey, clientSecret: input.clientSecret };
}

export async function auditActionsOf(organizationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(auditEvents.createdAt, sql`${auditEvents.id}`);
}

/**
 * Every row of every table of the database as text (`select t::text`), as a dump would hold
 * it. Raw SQL answers as an array on one driver and as `{ rows }` on the other.
 */
export async function dumpEveryTable(): Promise<{ table: string; text: string }[]> {
  const db = await getDb();
  const rowsOf = (result: unknown): Record<string, unknown>[] =>
    Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);
  const tables = rowsOf(
    await db.execute(
      sql`select table_schema as schema, table_name as name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    ),
  );
  const dump: { table: string; text: string }[] = [];
  for (const table of tables) {
    const name = `"${String(table.schema)}"."${String(table.name)}"`;
    const rows = rowsOf(await db.execute(sql.raw(`select t::text as row from ${name} t`)));
    for (const row of rows) dump.push({ table: name, text: String(row.row) });
  }
  return dump;
}
