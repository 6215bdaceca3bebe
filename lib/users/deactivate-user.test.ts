import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadConsoleUser } from "@/lib/auth/console-user";
import { getDb } from "@/lib/db/client";
import { auditEvents, legacyApiKeys, personalTokens } from "@/lib/db/schema";
import { callApi, callerFor } from "@/lib/testing/api-test-support";
import { signedInClaims, signedInUser } from "@/lib/testing/console-session-test-support";
import { apiGet, bearer, createPersonTenant, issueToken } from "@/lib/testing/person-credential-test-support";
import { setUserActive } from "./user-commands";

const legacyKeyHeader = (key: string) => ({ authorization: `Bearer ${key}` });

/** A person at the Legacy level with a personal token and a legacy key, both working. */
async function personWithCredentials() {
  const tenant = await createPersonTenant({ level: "legacy" });
  expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
  expect((await apiGet("cases", legacyKeyHeader(tenant.legacyKey))).status).toBe(200);
  return tenant;
}

async function expectRefused(tenant: Awaited<ReturnType<typeof personWithCredentials>>, when: string) {
  for (const [label, headers] of [
    ["personal token", bearer(tenant.token)],
    ["legacy key", legacyKeyHeader(tenant.legacyKey)],
  ] as const) {
    const response = await apiGet("cases", headers);
    expect(response.status, `${label} ${when}`).toBe(401);
    expect(response.headers.get("www-authenticate"), label).toContain("invalid_token");
  }
}

async function eventsOf(organizationId: string) {
  const db = await getDb();
  return db
    .select({ action: auditEvents.action, targetId: auditEvents.targetId, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId));
}

describe("deactivating a user", () => {
  it("in the console revokes their tokens and legacy key; reactivation brings none back", async () => {
    const tenant = await personWithCredentials();
    const admin = await signedInUser(tenant.admin);
    const session = await signedInClaims(tenant.person);

    await setUserActive(await getDb(), admin, tenant.person.id, false);
    await expectRefused(tenant, "after deactivation");
    await setUserActive(await getDb(), admin, tenant.person.id, true);
    await expectRefused(tenant, "after reactivation");
    expect(await loadConsoleUser(session)).toBeNull();

    const db = await getDb();
    const tokens = await db.select().from(personalTokens).where(eq(personalTokens.userId, tenant.person.id));
    expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
    const keys = await db.select().from(legacyApiKeys).where(eq(legacyApiKeys.userId, tenant.person.id));
    expect(keys).toEqual([]);

    const events = (await eventsOf(tenant.organizationId)).filter(
      (event) => !event.action.endsWith(".created"),
    );
    expect(events.map((event) => event.action).sort()).toEqual(
      ["legacy_key.revoked", "personal_token.revoked", "user.deactivated", "user.reactivated"].sort(),
    );
    expect(events.find((event) => event.action === "user.deactivated")).toMatchObject({
      targetId: tenant.person.id,
      details: {
        email: tenant.person.email,
        sessionsEnded: 1,
        personalTokensRevoked: 1,
        legacyKeyRevoked: true,
      },
    });
    expect(events.find((event) => event.action === "personal_token.revoked")?.details).toMatchObject({
      reason: "owner_deactivated",
    });

    // Once active again the person can make new credentials, and those work.
    const fresh = await issueToken(tenant.actor, { name: "After return" });
    expect((await apiGet("cases", bearer(fresh))).status).toBe(200);
  });

  it("through the Users API (DELETE) takes the same path; reactivation by PATCH brings none back", async () => {
    const tenant = await personWithCredentials();
    const caller = callerFor(tenant.organizationId);
    expect((await callApi(caller, "DELETE", `users/${tenant.person.id}`)).status).toBe(204);
    await expectRefused(tenant, "after DELETE");
    const reactivated = await callApi(caller, "PATCH", `users/${tenant.person.id}`, {
      body: { active: true },
    });
    expect(reactivated.status).toBe(200);
    await expectRefused(tenant, "after PATCH active=true");

    const actions = (await eventsOf(tenant.organizationId)).map((event) => event.action);
    expect(actions.filter((action) => action.endsWith(".revoked")).sort()).toEqual([
      "legacy_key.revoked",
      "personal_token.revoked",
    ]);
    expect(actions.filter((action) => action === "user.deactivated")).toHaveLength(1);
  });

  it("through the Users API (PATCH active=false) revokes them too", async () => {
    const tenant = await personWithCredentials();
    const caller = callerFor(tenant.organizationId);
    expect(
      (await callApi(caller, "PATCH", `users/${tenant.person.id}`, { body: { active: false } })).status,
    ).toBe(200);
    await callApi(caller, "PATCH", `users/${tenant.person.id}`, { body: { active: true } });
    await expectRefused(tenant, "after PATCH false then true");
  });

  it("leaves other users' credentials working", async () => {
    const tenant = await personWithCredentials();
    const other = await createPersonTenant({ level: "legacy" });
    const colleagueToken = await issueToken(
      { ...tenant.actor, userId: tenant.admin.id, audit: { ...tenant.actor.audit, id: tenant.admin.id } },
      { name: "Admin script" },
    );
    await setUserActive(await getDb(), await signedInUser(tenant.admin), tenant.person.id, false);
    expect((await apiGet("cases", bearer(colleagueToken))).status).toBe(200);
    expect((await apiGet("cases", bearer(other.token))).status).toBe(200);
    const db = await getDb();
    const [otherKey] = await db
      .select()
      .from(legacyApiKeys)
      .where(
        and(
          eq(legacyApiKeys.organizationId, other.organizationId),
          eq(legacyApiKeys.userId, other.person.id),
        ),
      );
    expect(otherKey).toBeDefined();
  });
});
