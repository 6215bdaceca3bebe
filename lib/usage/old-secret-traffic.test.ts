import { describe, expect, it } from "vitest";
import { listClientSecrets } from "@/lib/clients/find-client";
import { getDb } from "@/lib/db/client";
import { rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { accessTokenOf, apiCall, tokenCall } from "@/lib/testing/usage-test-support";
import { loadOldSecretTraffic } from "./client-usage";
import { loadSecretsInGrace } from "./organization-usage";
import { flushUsage } from "./record-usage";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("old-secret traffic during a rotation's grace period", () => {
  it("counts calls and tokens that still use the old secret after the rotation, by address", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const { clientId } = tenant.client;
    const db = await getDb();
    const oldHeaders = { "api-key": clientId, "api-secret": tenant.secret };
    // Used while it was the current secret: not old-secret traffic.
    expect((await apiCall("cases", oldHeaders)).status).toBe(200);
    const earlyToken = await accessTokenOf(await tokenCall(clientId, tenant.secret));
    await flushUsage();
    const [{ id: oldSecretId } = { id: "" }] = await listClientSecrets(db, tenant.organizationId, clientId);

    const rotated = await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId,
      grace: "24h",
    });
    if (!rotated) throw new Error("not rotated");
    const rotatedAt = Date.now();
    const tokenA = await accessTokenOf(await tokenCall(clientId, tenant.secret, { ip: "192.0.2.10" }));
    const tokenB = await accessTokenOf(await tokenCall(clientId, tenant.secret, { ip: "192.0.2.10" }));
    expect((await apiCall("cases", bearer(tokenA), { ip: "192.0.2.10" })).status).toBe(200);
    expect((await apiCall("cases", bearer(tokenA), { ip: "192.0.2.10" })).status).toBe(200);
    expect((await apiCall("devices", bearer(tokenB), { ip: "192.0.2.11" })).status).toBe(403);
    expect((await apiCall("cases", oldHeaders, { ip: "192.0.2.12" })).status).toBe(200);
    // A token obtained before the rotation is the old secret's too.
    expect((await apiCall("cases", bearer(earlyToken), { ip: "192.0.2.13" })).status).toBe(200);
    // The new secret's traffic is not the old one's.
    const fresh = await accessTokenOf(await tokenCall(clientId, rotated.secret, { ip: "192.0.2.99" }));
    expect((await apiCall("cases", bearer(fresh), { ip: "192.0.2.99" })).status).toBe(200);
    await flushUsage();

    const secrets = await listClientSecrets(db, tenant.organizationId, clientId);
    const newSecretId = secrets.find((secret) => secret.expiresAt === null)?.id ?? "";
    expect(secrets.find((secret) => secret.id === oldSecretId)?.expiresAt).toBeInstanceOf(Date);
    const traffic = await loadOldSecretTraffic(db, tenant.organizationId, [oldSecretId, newSecretId]);
    expect(traffic.has(newSecretId)).toBe(false);
    const old = traffic.get(oldSecretId);
    expect(old).toMatchObject({ apiCalls: 5, tokensIssued: 2 });
    expect(old?.addresses.map((address) => [address.ip, address.uses]).sort()).toEqual([
      ["192.0.2.10", 4],
      ["192.0.2.11", 1],
      ["192.0.2.12", 1],
      ["192.0.2.13", 1],
    ]);
    expect(old?.addresses.every((address) => address.userAgent === "usage-test/1.0")).toBe(true);
    expect(old?.lastUsedAt.getTime()).toBeGreaterThanOrEqual(rotatedAt);

    const inGrace = await loadSecretsInGrace(db, tenant.organizationId);
    expect(inGrace).toEqual([
      expect.objectContaining({ clientId, secretId: oldSecretId, apiCalls: 5, tokensIssued: 2 }),
    ]);

    // Only the five most recent addresses are kept.
    for (const ip of ["192.0.2.20", "192.0.2.21", "192.0.2.22"])
      expect((await apiCall("cases", oldHeaders, { ip })).status).toBe(200);
    await flushUsage();
    const later = (await loadOldSecretTraffic(db, tenant.organizationId, [oldSecretId])).get(oldSecretId);
    expect(later?.apiCalls).toBe(8);
    expect(later?.addresses).toHaveLength(5);
    expect(later?.addresses.map((address) => address.ip)).toEqual(
      expect.arrayContaining(["192.0.2.20", "192.0.2.21", "192.0.2.22"]),
    );
  });
});
