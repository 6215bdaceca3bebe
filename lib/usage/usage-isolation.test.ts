import { describe, expect, it } from "vitest";
import { listClientSecrets } from "@/lib/clients/find-client";
import { generateSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { apiCall, rollupCounts, tokenCall } from "@/lib/testing/usage-test-support";
import { loadLastSeen, loadOldSecretTraffic, loadScopesUsed } from "./client-usage";
import { loadClientTraffic, loadSecretsInGrace } from "./organization-usage";
import { flushUsage } from "./record-usage";
import { emptyOutcomeCounts } from "./usage-outcomes";
import { loadUsageSeries, USAGE_RANGES } from "./usage-series";

describe("usage tenant isolation", () => {
  it("never shows another organization's usage, and another organization's client ID reads nothing", async () => {
    const ours = await createTenantWithClient(["cases:read"]);
    const theirs = await createTenantWithClient(["cases:read"]);
    const db = await getDb();
    await rotateCurrentSecret(db, theirs.organizationId, theirs.actor, {
      clientId: theirs.client.clientId,
      grace: "7d",
    });
    for (const tenant of [ours, theirs]) {
      expect((await tokenCall(tenant.client.clientId, tenant.secret)).status).toBe(200);
      const headers = { "api-key": tenant.client.clientId, "api-secret": tenant.secret };
      expect((await apiCall("cases", headers)).status).toBe(200);
    }
    // Refused credentials naming their client count for their organization, nowhere else.
    const wrong = { "api-key": theirs.client.clientId, "api-secret": generateSecret("client_secret") };
    expect((await apiCall("cases", wrong)).status).toBe(401);
    await flushUsage();

    const theirClient = { kind: "client" as const, id: theirs.client.clientId };
    expect(await rollupCounts(ours.organizationId, theirClient, "day")).toEqual({});
    expect(await rollupCounts(theirs.organizationId, theirClient, "day")).toEqual({
      "token allowed": 1,
      "api allowed cases:read": 1,
      "api invalid_credentials cases:read": 1,
    });
    const none = await loadUsageSeries(db, ours.organizationId, theirClient, USAGE_RANGES["30d"]);
    expect(none.totals).toEqual(emptyOutcomeCounts());
    const organization = await loadUsageSeries(db, ours.organizationId, null, {
      granularity: "day",
      buckets: 7,
    });
    expect(organization.totals).toEqual({ ...emptyOutcomeCounts(), allowed: 2 });
    expect((await loadClientTraffic(db, ours.organizationId)).map((client) => client.clientId)).toEqual([
      ours.client.clientId,
    ]);
    expect(await loadScopesUsed(db, ours.organizationId, theirs.client.clientId)).toEqual(new Map());
    expect(await loadLastSeen(db, ours.organizationId, theirClient)).toBeNull();
    const [theirOldSecret] = (
      await listClientSecrets(db, theirs.organizationId, theirs.client.clientId)
    ).filter((secret) => secret.expiresAt !== null);
    expect((await loadOldSecretTraffic(db, theirs.organizationId, [theirOldSecret?.id ?? ""])).size).toBe(1);
    expect((await loadOldSecretTraffic(db, ours.organizationId, [theirOldSecret?.id ?? ""])).size).toBe(0);
    expect(await loadSecretsInGrace(db, ours.organizationId)).toEqual([]);
  });
});
