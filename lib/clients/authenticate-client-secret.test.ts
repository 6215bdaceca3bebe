import { describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { createClientTestTenant, untouchableExecutor } from "@/lib/testing/client-test-support";
import { authenticateClientSecret } from "./authenticate-client-secret";
import { createClient } from "./create-client";
import { deleteClient } from "./delete-client";
import { setClientStatus } from "./set-client-status";

async function newClient() {
  const db = await getDb();
  const tenant = await createClientTestTenant();
  const created = await createClient(db, tenant.organizationId, tenant.actor, {
    name: "Authenticating client",
    permissions: ["cases:read"],
  });
  return { db, ...tenant, ...created };
}

describe("authenticateClientSecret", () => {
  it("returns the client and its organization for a live secret", async () => {
    const { db, organization, client, secret } = await newClient();
    const result = await authenticateClientSecret(db, client.clientId, secret);
    expect(result?.client).toEqual(client);
    expect(result?.organization).toEqual({
      id: organization.id,
      partnerId: organization.partnerId,
      plan: organization.plan,
      securityLevel: organization.securityLevel,
      restrictApiByIp: organization.restrictApiByIp,
    });
  });

  it("refuses malformed input without touching the database", async () => {
    const { client, secret } = await newClient();
    const tampered = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    for (const [clientId, candidate] of [
      [client.clientId, tampered],
      [client.clientId, secret.slice(0, -1)],
      [client.clientId, secret.replace("lk_cs_", "lk_pat_")],
      [client.clientId, ""],
      ["not-a-client-id", secret],
      [`${client.clientId}x`, secret],
    ] as const) {
      expect(await authenticateClientSecret(untouchableExecutor, clientId, candidate)).toBeNull();
    }
  });

  it("refuses a well-formed secret that was never issued, or another client's", async () => {
    const { db, client, secret } = await newClient();
    const other = await newClient();
    expect(await authenticateClientSecret(db, client.clientId, generateSecret("client_secret"))).toBeNull();
    expect(await authenticateClientSecret(db, other.client.clientId, secret)).toBeNull();
    expect(await authenticateClientSecret(db, client.clientId, other.secret)).toBeNull();
  });

  it("refuses a disabled client's secret on the next request, and accepts it again once enabled", async () => {
    const { db, organizationId, actor, client, secret } = await newClient();
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "disabled" });
    expect(await authenticateClientSecret(db, client.clientId, secret)).toBeNull();
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "active" });
    expect(await authenticateClientSecret(db, client.clientId, secret)).not.toBeNull();
  });

  it("refuses a deleted client's secret", async () => {
    const { db, organizationId, actor, client, secret } = await newClient();
    await deleteClient(db, organizationId, actor, {
      clientId: client.clientId,
      confirmationName: client.name,
    });
    expect(await authenticateClientSecret(db, client.clientId, secret)).toBeNull();
  });
});
