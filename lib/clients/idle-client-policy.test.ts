import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { apiClients, auditEvents, webhookMessages } from "@/lib/db/schema";
import { createClientTestTenant, rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { clientNotice } from "./client-notice";
import { createClient } from "./create-client";
import {
  disableIdleClients,
  getIdleClientPolicy,
  idleDisableAt,
  isAboutToIdle,
  setIdleClientPolicy,
  warnIdleClients,
} from "./idle-client-policy";
import { idleClientPolicySchema, idlePolicyFormValues } from "./idle-client-policy-schema";
import { listClients } from "./list-clients";
import { setClientStatus } from "./set-client-status";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** A client whose clock started and last use are set as if that much time had gone by. */
async function clientWith(
  tenant: Awaited<ReturnType<typeof createClientTestTenant>>,
  name: string,
  times: { clockStartedDaysAgo: number; lastUsedDaysAgo?: number },
) {
  const db = await getDb();
  const { client } = await createClient(db, tenant.organizationId, tenant.actor, { name });
  await db
    .update(apiClients)
    .set({
      idleClockStartedAt: daysAgo(times.clockStartedDaysAgo),
      lastUsedAt: times.lastUsedDaysAgo === undefined ? null : daysAgo(times.lastUsedDaysAgo),
    })
    .where(eq(apiClients.id, client.id));
  return client;
}

async function statusOf(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      status: apiClients.status,
      reason: apiClients.disabledReason,
      generation: apiClients.tokenGeneration,
    })
    .from(apiClients)
    .where(eq(apiClients.id, id));
  return row;
}

async function policyEvents(organizationId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        eq(auditEvents.action, "api_client.disabled_by_policy"),
      ),
    );
}

describe("the idle-client policy", () => {
  it("disables, as Latchkey, exactly the clients unused for the policy's days, and audits each once", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const recent = await clientWith(tenant, "Used 29 days ago", {
      clockStartedDaysAgo: 200,
      lastUsedDaysAgo: 29,
    });
    const stale = await clientWith(tenant, "Used 31 days ago", {
      clockStartedDaysAgo: 200,
      lastUsedDaysAgo: 31,
    });
    const neverOld = await clientWith(tenant, "Never used, 31 days old", { clockStartedDaysAgo: 31 });
    const neverNew = await clientWith(tenant, "Never used, 10 days old", { clockStartedDaysAgo: 10 });
    // Without a policy nothing happens, however old.
    expect(await disableIdleClients(db, now)).toEqual([]);
    expect(await setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: 30 })).toBe(30);

    // Two processes passing at once disable each client once between them.
    const passes = await Promise.all([disableIdleClients(db, now), disableIdleClients(db, now)]);
    const disabled = passes.flat().filter((client) => client.organizationId === tenant.organizationId);
    expect(disabled.map((client) => client.name).sort()).toEqual([
      "Never used, 31 days old",
      "Used 31 days ago",
    ]);
    expect(await statusOf(stale.id)).toMatchObject({ status: "disabled", reason: "idle", generation: 1 });
    expect(await statusOf(neverOld.id)).toMatchObject({ status: "disabled", reason: "idle" });
    expect(await statusOf(recent.id)).toMatchObject({ status: "active", reason: null });
    expect(await statusOf(neverNew.id)).toMatchObject({ status: "active" });
    const events = await policyEvents(tenant.organizationId);
    expect(events).toHaveLength(2);
    expect(
      events.map((event) => [event.actorType, event.actorLabel, event.reason, event.targetType]),
    ).toEqual([
      ["system", "Latchkey", "idle", "api_client"],
      ["system", "Latchkey", "idle", "api_client"],
    ]);
    expect(events.find((event) => event.targetId === stale.clientId)?.details).toMatchObject({
      name: "Used 31 days ago",
      unusedDays: 30,
    });

    // Simulated days later, the one that was used 29 days ago goes too; the young one stays.
    const later = new Date(now.getTime() + 2 * DAY);
    expect((await disableIdleClients(db, later)).map((client) => client.name)).toContain("Used 29 days ago");
    expect(await statusOf(neverNew.id)).toMatchObject({ status: "active" });
  });

  it("restarts a client's clock when it is enabled again, and leaves other organizations alone", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const other = await createClientTestTenant();
    const client = await clientWith(tenant, "Batch export", {
      clockStartedDaysAgo: 100,
      lastUsedDaysAgo: 95,
    });
    const elsewhere = await clientWith(other, "Batch export", {
      clockStartedDaysAgo: 100,
      lastUsedDaysAgo: 95,
    });
    await setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: 45 });
    await disableIdleClients(db, now);
    expect(await statusOf(client.id)).toMatchObject({ status: "disabled", reason: "idle" });
    expect(await statusOf(elsewhere.id)).toMatchObject({ status: "active" });

    await setClientStatus(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      status: "active",
    });
    expect(await statusOf(client.id)).toMatchObject({ status: "active", reason: null });
    await disableIdleClients(db, now);
    expect(await statusOf(client.id)).toMatchObject({ status: "active" });
    // 45 days after being enabled again, it is idle again.
    await disableIdleClients(db, new Date(Date.now() + 46 * DAY));
    expect(await statusOf(client.id)).toMatchObject({ status: "disabled", reason: "idle" });
    expect(await policyEvents(other.organizationId)).toEqual([]);
  });

  it("is off by default, audits a change with from and to, and refuses a bad number of days", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    expect(await getIdleClientPolicy(db, tenant.organizationId)).toBeNull();
    await setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: 90 });
    await setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: 90 });
    await setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: null });
    const changes = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, tenant.organizationId),
          eq(auditEvents.action, "organization.idle_client_policy_changed"),
        ),
      );
    expect(
      changes.map((event) => event.details).sort((a, b) => String(a.to).localeCompare(String(b.to))),
    ).toEqual([
      { from: null, to: 90 },
      { from: 90, to: null },
    ]);
    for (const customDays of ["", "6", "3651", "30.5", "abc"]) {
      expect(
        idleClientPolicySchema.safeParse({ choice: "custom", customDays }).error?.issues[0],
      ).toMatchObject({
        path: ["customDays"],
        message: "Enter a whole number of days from 7 to 3650",
      });
    }
    expect(idleClientPolicySchema.safeParse({ choice: "weekly" }).success).toBe(false);
    await expect(setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: 2 })).rejects.toThrow();
    expect(await getIdleClientPolicy(db, tenant.organizationId)).toBeNull();
    expect(idlePolicyFormValues(null)).toEqual({ choice: "off", customDays: "" });
    expect(idlePolicyFormValues(60)).toEqual({ choice: "60", customDays: "" });
    expect(idlePolicyFormValues(45)).toEqual({ choice: "custom", customDays: "45" });
  });

  it("says when a client will be disabled and flags it the last 7 days", () => {
    const client = {
      lastUsedAt: new Date("2026-11-01T00:00:00Z"),
      idleClockStartedAt: new Date("2026-10-01T00:00:00Z"),
    };
    const at = idleDisableAt(client, 30);
    expect(at?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(idleDisableAt(client, null)).toBeNull();
    expect(isAboutToIdle(at, new Date("2026-11-23T23:59:00Z"))).toBe(false);
    expect(isAboutToIdle(at, new Date("2026-11-24T00:00:00Z"))).toBe(true);
    expect(isAboutToIdle(null, new Date())).toBe(false);
    // Enabled again after its last use: the clock counts from the enabling.
    expect(
      idleDisableAt({ ...client, idleClockStartedAt: new Date("2026-11-20T00:00:00Z") }, 30)?.toISOString(),
    ).toBe("2026-12-20T00:00:00.000Z");
  });
});

describe("the clients list's Usage filter", () => {
  it("finds clients unused for 30+ days, never used, and expiring soon (a lapsing secret or the idle policy)", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    await clientWith(tenant, "Fresh", { clockStartedDaysAgo: 1 });
    await clientWith(tenant, "Used yesterday", { clockStartedDaysAgo: 100, lastUsedDaysAgo: 1 });
    await clientWith(tenant, "Used 40 days ago", { clockStartedDaysAgo: 100, lastUsedDaysAgo: 40 });
    const old = await clientWith(tenant, "Never used, old", { clockStartedDaysAgo: 100 });
    await db
      .update(apiClients)
      .set({ createdAt: daysAgo(100) })
      .where(eq(apiClients.id, old.id));
    const rotating = await clientWith(tenant, "Rotating", { clockStartedDaysAgo: 1, lastUsedDaysAgo: 0 });
    await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId: rotating.clientId,
      grace: "7d",
    });
    const names = async (usage: string, idleDays: number | null = null) =>
      (
        await listClients(db, tenant.organizationId, { usage: usage as "all", idleDays, limit: 100 })
      ).clients.map((client) => client.name);

    expect(await names("unused30")).toEqual(["Never used, old", "Used 40 days ago"]);
    expect(await names("neverUsed")).toEqual(["Fresh", "Never used, old"]);
    expect(await names("expiringSoon")).toEqual(["Rotating"]);
    // Under a 45-day policy, a client 40 days idle is within its last 7 days.
    expect(await names("expiringSoon", 45)).toEqual(["Never used, old", "Rotating", "Used 40 days ago"]);
    const page = await listClients(db, tenant.organizationId, { usage: "expiringSoon", limit: 100 });
    const lapsing = page.clients[0];
    expect(lapsing?.secretLapsesAt?.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    expect(clientNotice({ ...(lapsing as NonNullable<typeof lapsing>) }, null, new Date())).toMatch(
      /^Old secret stops working on \d{4}-\d{2}-\d{2}$/,
    );
  });

  it("explains a client disabled by the policy, and one it disables soon", () => {
    const base = {
      lastUsedAt: null,
      idleClockStartedAt: new Date("2026-11-01T00:00:00Z"),
      secretLapsesAt: null,
    };
    const at = new Date("2026-11-28T00:00:00Z");
    expect(clientNotice({ ...base, status: "disabled", disabledReason: "idle" }, 30, at)).toBe(
      "Disabled by the idle-client policy",
    );
    expect(clientNotice({ ...base, status: "disabled", disabledReason: null }, 30, at)).toBeNull();
    expect(clientNotice({ ...base, status: "active", disabledReason: null }, 30, at)).toBe(
      "Disabled by the idle-client policy on 2026-12-01 unless used before",
    );
    expect(clientNotice({ ...base, status: "active", disabledReason: null }, 60, at)).toBeNull();
  });
});

describe("the idle-client policy's webhooks", () => {
  const messagesOf = async (organizationId: string, type: string) => {
    const db = await getDb();
    return db
      .select()
      .from(webhookMessages)
      .where(and(eq(webhookMessages.organizationId, organizationId), eq(webhookMessages.type, type)));
  };

  it("warns once per idle period 7 days before, and sends client.disabled with the disable", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const soon = await clientWith(tenant, "Nearly idle", { clockStartedDaysAgo: 200, lastUsedDaysAgo: 25 });
    await clientWith(tenant, "Busy", { clockStartedDaysAgo: 200, lastUsedDaysAgo: 2 });
    await setIdleClientPolicy(db, tenant.organizationId, tenant.actor, { days: 30 });

    // Two processes' passes, twice: one warning, for the client within its last 7 days.
    await Promise.all([warnIdleClients(db, now), warnIdleClients(db, now)]);
    await warnIdleClients(db, now);
    const warnings = await messagesOf(tenant.organizationId, "client.idle");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.data).toMatchObject({
      client: { clientId: soon.clientId, name: "Nearly idle" },
      unusedDays: 30,
    });

    // Used again, then idle again: a new period, a new warning.
    await db
      .update(apiClients)
      .set({ lastUsedAt: daysAgo(24) })
      .where(eq(apiClients.id, soon.id));
    await warnIdleClients(db, now);
    expect(await messagesOf(tenant.organizationId, "client.idle")).toHaveLength(2);

    await disableIdleClients(db, new Date(now.getTime() + 7 * DAY));
    const disabled = await messagesOf(tenant.organizationId, "client.disabled");
    expect(disabled.map((message) => message.data)).toEqual([
      expect.objectContaining({
        client: { clientId: soon.clientId, name: "Nearly idle" },
        by: "idle_client_policy",
      }),
    ]);
  });

  it("sends client.disabled when an administrator disables a client, and nothing when one enables it", async () => {
    const db = await getDb();
    const tenant = await createClientTestTenant();
    const client = await clientWith(tenant, "Manual", { clockStartedDaysAgo: 1 });
    await setClientStatus(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      status: "disabled",
    });
    await setClientStatus(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      status: "active",
    });
    const messages = await messagesOf(tenant.organizationId, "client.disabled");
    expect(messages.map((message) => message.data)).toEqual([
      {
        client: { clientId: client.clientId, name: "Manual" },
        by: "administrator",
        administrator: tenant.actor.label,
      },
    ]);
  });
});
