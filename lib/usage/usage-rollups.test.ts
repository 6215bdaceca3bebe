import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { apiClients, organizations } from "@/lib/db/schema";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";
import { createTestUser } from "@/lib/testing/factories";
import { basicAuth, createTenantWithClient, formRequest } from "@/lib/testing/oauth-test-support";
import { actorFor } from "@/lib/testing/person-credential-test-support";
import { accessTokenOf, apiCall, rollupCounts, tokenCall } from "@/lib/testing/usage-test-support";
import { createPersonalToken, revokePersonalToken } from "@/lib/tokens/token-commands";
import { loadLastSeen } from "./client-usage";
import { flushUsage } from "./record-usage";
import { loadTokenUsage } from "./token-usage";
import { emptyOutcomeCounts } from "./usage-outcomes";
import { loadUsageSeries, USAGE_RANGES } from "./usage-series";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const statusesOf = async (calls: Promise<Response>[]) =>
  (await Promise.all(calls)).map((call) => call.status);

describe("usage rollups of real requests", () => {
  it("counts each call by outcome, endpoint and scope, the same in hourly and daily rows", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const { clientId } = tenant.client;
    const headers = { "api-key": clientId, "api-secret": tenant.secret };
    const wrong = { "api-key": clientId, "api-secret": generateSecret("client_secret") };

    const token = await accessTokenOf(await tokenCall(clientId, tenant.secret));
    expect((await tokenCall(clientId, tenant.secret)).status).toBe(200);
    expect((await tokenCall(clientId, tenant.secret, { scope: "devices:read" })).status).toBe(400);
    expect((await tokenCall(clientId, generateSecret("client_secret"))).status).toBe(401);
    expect(await statusesOf([1, 2, 3].map(() => apiCall("cases", bearer(token))))).toEqual([200, 200, 200]);
    expect((await apiCall(`cases/${randomUUID()}`, bearer(token))).status).toBe(404);
    expect((await apiCall("cases", bearer(token), { method: "POST", body: { number: "U-1" } })).status).toBe(
      403,
    );
    expect((await apiCall("no-such-resource", bearer(token))).status).toBe(404);
    expect((await apiCall("cases", headers)).status).toBe(200);
    expect(await statusesOf([apiCall("cases", wrong), apiCall("cases", wrong)])).toEqual([401, 401]);
    // A token no longer live is refused like a wrong one, and counts for the client it names.
    const revocation = formRequest(
      "/api/oauth/revoke",
      { token },
      { authorization: basicAuth(clientId, tenant.secret) },
    );
    expect((await handleRevocationRequest(revocation, "198.51.100.20")).status).toBe(200);
    expect((await apiCall("cases", bearer(token))).status).toBe(401);
    await flushUsage();

    const expected = {
      "token allowed": 2,
      "token insufficient_scope": 1,
      "token invalid_credentials": 1,
      // A 404 for a missing case is an allowed call: it passed every access decision.
      "api allowed cases:read": 5,
      "api insufficient_scope cases:create": 1,
      "api allowed": 1,
      "api invalid_credentials cases:read": 3,
    };
    const subject = { kind: "client" as const, id: clientId };
    expect(await rollupCounts(tenant.organizationId, subject, "hour")).toEqual(expected);
    expect(await rollupCounts(tenant.organizationId, subject, "day")).toEqual(expected);

    const db = await getDb();
    const series = await loadUsageSeries(db, tenant.organizationId, subject, USAGE_RANGES["24h"]);
    expect(series.totals).toEqual({
      ...emptyOutcomeCounts(),
      allowed: 8,
      insufficient_scope: 2,
      invalid_credentials: 4,
    });
    expect(series.byEndpoint).toEqual({ api: 10, token: 4 });
    expect(await loadLastSeen(db, tenant.organizationId, subject)).toMatchObject({
      ip: "198.51.100.20",
      userAgent: "usage-test/1.0",
      endpoint: "api",
    });
  });

  it("counts refusals for the address, the request rate and guessing's spent budget", async () => {
    const tenant = await createTenantWithClient(["cases:read"], { allowedIps: ["192.0.2.0/24"] });
    const { clientId } = tenant.client;
    const db = await getDb();
    await db
      .update(organizations)
      .set({ restrictApiByIp: true })
      .where(eq(organizations.id, tenant.organizationId));
    await db.update(apiClients).set({ requestsPerMinute: 2 }).where(eq(apiClients.clientId, clientId));
    const headers = { "api-key": clientId, "api-secret": tenant.secret };

    expect((await apiCall("cases", headers, { ip: "198.51.100.77" })).status).toBe(403);
    expect((await tokenCall(clientId, tenant.secret, { ip: "198.51.100.77" })).status).toBe(400);
    const inside = [];
    for (let call = 0; call < 3; call += 1)
      inside.push((await apiCall("cases", headers, { ip: "192.0.2.5" })).status);
    expect(inside).toEqual([200, 200, 429]);
    const guesses: number[] = [];
    for (let guess = 0; guess < 12; guess += 1) {
      const wrong = { "api-key": clientId, "api-secret": generateSecret("client_secret") };
      guesses.push((await apiCall("cases", wrong, { ip: "203.0.113.9" })).status);
    }
    const unauthorized = guesses.filter((status) => status === 401).length;
    const spent = guesses.filter((status) => status === 429).length;
    expect(spent).toBeGreaterThan(0);
    expect(unauthorized + spent).toBe(12);
    await flushUsage();

    expect(await rollupCounts(tenant.organizationId, { kind: "client", id: clientId }, "hour")).toEqual({
      "api address_not_allowed cases:read": 1,
      "token address_not_allowed": 1,
      "api allowed cases:read": 2,
      "api rate_limited cases:read": 1 + spent,
      "api invalid_credentials cases:read": unauthorized,
    });
  });

  it("counts a plan without API access as not in plan, at the token endpoint and the API alike", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const { clientId } = tenant.client;
    await (await getDb())
      .update(organizations)
      .set({ plan: "free" })
      .where(eq(organizations.id, tenant.organizationId));
    expect((await tokenCall(clientId, tenant.secret)).status).toBe(400);
    expect((await apiCall("cases", { "api-key": clientId, "api-secret": tenant.secret })).status).toBe(403);
    await flushUsage();
    expect(await rollupCounts(tenant.organizationId, { kind: "client", id: clientId }, "day")).toEqual({
      "token not_in_plan": 1,
      "api not_in_plan cases:read": 1,
    });
  });

  it("counts a personal token's calls, and its refusals once revoked, for that token", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const person = await createTestUser(tenant.organizationId, tenant.memberRole.id, "usage-person");
    const actor = actorFor(tenant.organizationId, person);
    const db = await getDb();
    const issued = await createPersonalToken(db, actor, { name: "Usage script", expiration: 30 });
    const other = await createPersonalToken(db, actor, { name: "Unused", expiration: 30 });

    expect(
      await statusesOf([apiCall("cases", bearer(issued.token)), apiCall("cases", bearer(issued.token))]),
    ).toEqual([200, 200]);
    expect((await apiCall("cases", bearer(issued.token), { method: "POST", body: {} })).status).toBe(403);
    await revokePersonalToken(db, actor, { tokenId: issued.id }, { ownerOnly: true });
    expect((await apiCall("cases", bearer(issued.token))).status).toBe(401);
    // A token nobody issued is refused like any other and counts for no one.
    expect((await apiCall("cases", bearer(generateSecret("personal_token")))).status).toBe(401);
    await flushUsage();

    expect(
      await rollupCounts(tenant.organizationId, { kind: "personal_token", id: issued.id }, "day"),
    ).toEqual({
      "api allowed cases:read": 2,
      "api insufficient_scope cases:create": 1,
      "api invalid_credentials cases:read": 1,
    });
    const usage = await loadTokenUsage(db, tenant.organizationId, [issued.id, other.id]);
    expect(usage.get(issued.id)).toEqual({
      ...emptyOutcomeCounts(),
      allowed: 2,
      insufficient_scope: 1,
      invalid_credentials: 1,
    });
    expect(usage.has(other.id)).toBe(false);
  });
});
