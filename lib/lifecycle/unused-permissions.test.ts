import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/clients/create-client";
import { getDb } from "@/lib/db/client";
import { apiClients, auditEvents, usageRollups, webhookMessages } from "@/lib/db/schema";
import { createClientTestTenant } from "@/lib/testing/client-test-support";
import {
  isoWeek,
  NOTHING_TO_REMOVE,
  removeUnusedClientPermissions,
  sendUnusedPermissionsSummaries,
  unusedClientPermissions,
} from "./unused-permissions";

const DAY = 86_400_000;
const dayStart = (daysAgo: number) => new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY);

/** A client granted cases:read, evidence:read and devices:read long ago, with known allowed calls. */
async function clientWithKnownUsage() {
  const db = await getDb();
  const tenant = await createClientTestTenant();
  const { client } = await createClient(db, tenant.organizationId, tenant.actor, {
    name: "Reporting job",
    permissions: ["cases:read", "evidence:read", "devices:read"],
  });
  // Granted 200 days ago: the window is the last 90 days.
  await db
    .update(auditEvents)
    .set({ createdAt: dayStart(200) })
    .where(and(eq(auditEvents.targetId, client.clientId), eq(auditEvents.action, "api_client.created")));
  const row = (scope: string, daysAgo: number, outcome = "allowed") => ({
    organizationId: tenant.organizationId,
    subjectKind: "client",
    subjectId: client.clientId,
    granularity: "day",
    bucketStart: dayStart(daysAgo),
    endpoint: "api",
    outcome,
    scope,
    count: 3,
  });
  await db.insert(usageRollups).values([
    row("cases:read", 2),
    // Used, but 100 days ago: outside the window.
    row("evidence:read", 100),
    // Tried, but refused: not a use.
    row("devices:read", 5, "insufficient_scope"),
  ]);
  return { tenant, client };
}

describe("unused permissions", () => {
  it("are the granted scopes without an allowed call in 90 days, or since their grant", async () => {
    const db = await getDb();
    const { tenant, client } = await clientWithKnownUsage();
    const unused = await unusedClientPermissions(db, tenant.organizationId, client);
    expect(unused).toEqual([
      { scope: "evidence:read", grantedAt: null },
      { scope: "devices:read", grantedAt: null },
    ]);
    // A scope granted 10 days ago and never used is unused since its grant.
    const { client: young } = await createClient(db, tenant.organizationId, tenant.actor, {
      name: "New job",
      permissions: ["users:read"],
    });
    const [fresh] = await unusedClientPermissions(db, tenant.organizationId, young);
    expect(fresh?.scope).toBe("users:read");
    expect(fresh?.grantedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await unusedClientPermissions(db, tenant.organizationId, { ...young, permissions: [] })).toEqual(
      [],
    );
  });

  it("are removed on request only where still unused, as an audited edit; used ones stay", async () => {
    const db = await getDb();
    const { tenant, client } = await clientWithKnownUsage();
    const result = await removeUnusedClientPermissions(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      scopes: ["evidence:read", "cases:read"],
    });
    expect(result?.removed).toEqual(["evidence:read"]);
    const [row] = await db.select().from(apiClients).where(eq(apiClients.clientId, client.clientId));
    expect(row?.permissions.sort()).toEqual(["cases:read", "devices:read"]);
    const [edit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, client.clientId), eq(auditEvents.action, "api_client.updated")));
    expect(edit?.details).toMatchObject({
      changes: { permissions: { granted: [], revoked: ["evidence:read"] } },
    });
    await expect(
      removeUnusedClientPermissions(db, tenant.organizationId, tenant.actor, {
        clientId: client.clientId,
        scopes: ["cases:read"],
      }),
    ).rejects.toMatchObject({ message: NOTHING_TO_REMOVE });
    // Another organization's administrator finds no such client and changes nothing.
    const other = await createClientTestTenant();
    expect(
      await removeUnusedClientPermissions(db, other.organizationId, other.actor, {
        clientId: client.clientId,
        scopes: ["devices:read"],
      }),
    ).toBeNull();
    const [after] = await db.select().from(apiClients).where(eq(apiClients.clientId, client.clientId));
    expect(after?.permissions).toContain("devices:read");
  });

  it("are summarised to webhooks once a week per organization", async () => {
    const db = await getDb();
    const { tenant, client } = await clientWithKnownUsage();
    const now = new Date();
    await Promise.all([sendUnusedPermissionsSummaries(db, now), sendUnusedPermissionsSummaries(db, now)]);
    await sendUnusedPermissionsSummaries(db, new Date(now.getTime() + 60_000));
    const summaries = await db
      .select()
      .from(webhookMessages)
      .where(
        and(
          eq(webhookMessages.organizationId, tenant.organizationId),
          eq(webhookMessages.type, "permissions.unused"),
        ),
      );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]?.data).toMatchObject({
      week: isoWeek(now),
      windowDays: 90,
      clients: [
        { clientId: client.clientId, name: "Reporting job", unused: ["evidence:read", "devices:read"] },
      ],
    });
    await sendUnusedPermissionsSummaries(db, new Date(now.getTime() + 7 * DAY));
    const later = await db
      .select()
      .from(webhookMessages)
      .where(
        and(
          eq(webhookMessages.organizationId, tenant.organizationId),
          eq(webhookMessages.type, "permissions.unused"),
        ),
      );
    expect(later).toHaveLength(2);
  });

  it("names ISO weeks", () => {
    expect(isoWeek(new Date("2026-12-01T12:00:00Z"))).toBe("2026-W49");
    expect(isoWeek(new Date("2027-01-01T00:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2026-01-01T00:00:00Z"))).toBe("2026-W01");
  });
});
