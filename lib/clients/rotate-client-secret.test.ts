import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import { createClientTestTenant, liveSecretCount } from "@/lib/testing/client-test-support";
import { authenticateClientSecret } from "./authenticate-client-secret";
import { createClient } from "./create-client";
import { rotateClientSecret } from "./rotate-client-secret";

async function newClient(name = "Rotating client") {
  const db = await getDb();
  const tenant = await createClientTestTenant();
  const created = await createClient(db, tenant.organizationId, tenant.actor, { name });
  return { db, ...tenant, ...created };
}

async function works(clientId: string, secret: string): Promise<boolean> {
  return (await authenticateClientSecret(await getDb(), clientId, secret)) !== null;
}

/** Moves every grace period of a client into the past, as if time had passed. */
async function endGracePeriods(apiClientRowId: string) {
  const db = await getDb();
  await db
    .update(apiClientSecrets)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(apiClientSecrets.apiClientId, apiClientRowId));
}

describe("rotateClientSecret", () => {
  it("issues a new secret and keeps the old one for the grace period", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const rotated = await rotateClientSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "1h",
    });
    if (!rotated) throw new Error("rotation found no client");
    expect(isWellFormedSecret(rotated.secret, "client_secret")).toBe(true);
    expect(rotated.secret).not.toBe(first);
    const graceMs = (rotated.previousSecretExpiresAt?.getTime() ?? 0) - Date.now();
    expect(graceMs).toBeGreaterThan(59 * 60_000);
    expect(graceMs).toBeLessThan(61 * 60_000);
    expect(await works(client.clientId, first)).toBe(true);
    expect(await works(client.clientId, rotated.secret)).toBe(true);
    expect(await liveSecretCount(client.id)).toBe(2);
  });

  it("refuses the old secret once the grace period has ended", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const rotated = await rotateClientSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "24h",
    });
    await db
      .update(apiClientSecrets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(
        sql`${apiClientSecrets.apiClientId} = ${client.id} and ${apiClientSecrets.expiresAt} is not null`,
      );
    expect(await works(client.clientId, first)).toBe(false);
    expect(await works(client.clientId, rotated?.secret ?? "")).toBe(true);
    expect(await liveSecretCount(client.id)).toBe(1);
  });

  it("with no grace period, stops the old secret at once", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const rotated = await rotateClientSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "none",
    });
    expect(rotated?.previousSecretExpiresAt).toBeNull();
    expect(await works(client.clientId, first)).toBe(false);
    expect(await works(client.clientId, rotated?.secret ?? "")).toBe(true);
    expect(await liveSecretCount(client.id)).toBe(1);
  });

  it("keeps only the newest old secret in grace, and never lengthens a running grace period", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const second = await rotateClientSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "7d",
    });
    const third = await rotateClientSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "1h",
    });
    expect(await works(client.clientId, first)).toBe(false);
    expect(await works(client.clientId, second?.secret ?? "")).toBe(true);
    expect(await works(client.clientId, third?.secret ?? "")).toBe(true);
    expect(await liveSecretCount(client.id)).toBe(2);
    await endGracePeriods(client.id);
    expect(await liveSecretCount(client.id)).toBe(0);
  });

  it("leaves at most two live secrets after concurrent rotations", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const rotations = await Promise.all(
      Array.from({ length: 5 }, () =>
        rotateClientSecret(db, organizationId, actor, { clientId: client.clientId, grace: "7d" }),
      ),
    );
    expect(await liveSecretCount(client.id)).toBe(2);
    const secrets = [first, ...rotations.map((rotation) => rotation?.secret ?? "")];
    const working = [];
    for (const secret of secrets) if (await works(client.clientId, secret)) working.push(secret);
    expect(working).toHaveLength(2);
    // Exactly one current secret (no expiry) and one in grace.
    const rows = await db
      .select({ expiresAt: apiClientSecrets.expiresAt, revokedAt: apiClientSecrets.revokedAt })
      .from(apiClientSecrets)
      .where(eq(apiClientSecrets.apiClientId, client.id));
    expect(rows.filter((row) => row.revokedAt === null && row.expiresAt === null)).toHaveLength(1);
  });

  it("returns null for a client ID it does not know", async () => {
    const { db, organizationId, actor } = await newClient();
    expect(
      await rotateClientSecret(db, organizationId, actor, {
        clientId: "lkc_000000000000000000000000",
        grace: "1h",
      }),
    ).toBeNull();
  });
});
