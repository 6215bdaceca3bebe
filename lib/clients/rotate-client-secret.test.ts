import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isWellFormedSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import {
  auditEventsOf,
  createClientTestTenant,
  currentSecretIdFor,
  liveSecretCount,
  rotateCurrentSecret,
} from "@/lib/testing/client-test-support";
import { authenticateClientSecret } from "./authenticate-client-secret";
import { SECRET_ALREADY_ROTATED, SecretAlreadyRotatedError } from "./client-errors";
import { rotateClientSecretSchema } from "./client-schemas";
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

async function listSecretRows(apiClientRowId: string) {
  const db = await getDb();
  return db
    .select()
    .from(apiClientSecrets)
    .where(eq(apiClientSecrets.apiClientId, apiClientRowId))
    .orderBy(apiClientSecrets.id);
}

describe("rotateClientSecret", () => {
  it("issues a new secret and keeps the old one for the grace period", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const rotated = await rotateCurrentSecret(db, organizationId, actor, {
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
    const rotated = await rotateCurrentSecret(db, organizationId, actor, {
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
    const rotated = await rotateCurrentSecret(db, organizationId, actor, {
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
    const second = await rotateCurrentSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "7d",
    });
    const third = await rotateCurrentSecret(db, organizationId, actor, {
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

  it("rotates once when the same form is submitted five times at once", async () => {
    const { db, organizationId, actor, client, secret: first } = await newClient();
    const replacesSecretId = await currentSecretIdFor(organizationId, client.clientId);
    const submission = { clientId: client.clientId, grace: "7d" as const, replacesSecretId };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => rotateClientSecret(db, organizationId, actor, submission)),
    );
    const rotated = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(rotated).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(SecretAlreadyRotatedError);
      expect((reason as Error).message).toBe(SECRET_ALREADY_ROTATED);
    }
    // One new secret, the first one in grace: nothing else was made or revoked.
    const rows = await db
      .select({ expiresAt: apiClientSecrets.expiresAt, revokedAt: apiClientSecrets.revokedAt })
      .from(apiClientSecrets)
      .where(eq(apiClientSecrets.apiClientId, client.id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.revokedAt === null && row.expiresAt === null)).toHaveLength(1);
    expect(await works(client.clientId, first)).toBe(true);
    expect(await works(client.clientId, rotated[0]?.secret ?? "")).toBe(true);
    const rotations = (await auditEventsOf(organizationId)).filter(
      (event) => event.action === "api_client.secret_rotated",
    );
    expect(rotations).toHaveLength(1);
  });

  it("refuses a rotation that names a secret which is no longer current, and writes nothing", async () => {
    const { db, organizationId, actor, client } = await newClient();
    const other = await createClient(db, organizationId, actor, { name: "Another client" });
    const seen = await currentSecretIdFor(organizationId, client.clientId);
    const firstSubmission = await rotateClientSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "none",
      replacesSecretId: seen,
    });
    const before = await listSecretRows(client.id);
    for (const replacesSecretId of [
      seen, // the same form again: a retry or a double click
      null, // "there was no secret", while there is one
      await currentSecretIdFor(organizationId, other.client.clientId), // another client's secret
    ]) {
      await expect(
        rotateClientSecret(db, organizationId, actor, {
          clientId: client.clientId,
          grace: "none",
          replacesSecretId,
        }),
      ).rejects.toThrow(SECRET_ALREADY_ROTATED);
    }
    expect(await listSecretRows(client.id)).toEqual(before);
    expect(await works(client.clientId, firstSubmission?.secret ?? "")).toBe(true);
    const rotations = (await auditEventsOf(organizationId)).filter(
      (event) => event.action === "api_client.secret_rotated",
    );
    expect(rotations).toHaveLength(1);
  });

  it("refuses a rotation without the secret it replaces", () => {
    expect(() =>
      rotateClientSecretSchema.parse({ clientId: "lkc_000000000000000000000000", grace: "1h" }),
    ).toThrow("Reload the page to see the client's current secret");
  });

  it("returns null for a client ID it does not know", async () => {
    const { db, organizationId, actor } = await newClient();
    expect(
      await rotateClientSecret(db, organizationId, actor, {
        clientId: "lkc_000000000000000000000000",
        grace: "1h",
        replacesSecretId: null,
      }),
    ).toBeNull();
  });
});
