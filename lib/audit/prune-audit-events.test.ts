import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import { insertAuditEvents } from "@/lib/testing/audit-log-test-support";
import { createTestOrganization } from "@/lib/testing/factories";
import { AUDIT_RETENTION_ENV, auditRetentionDays, DEFAULT_AUDIT_RETENTION_DAYS } from "./audit-retention";
import { pruneAuditEvents } from "./prune-audit-events";

const DAY_MS = 86_400_000;

/** Events 400, 31 and 29 days old, and one 30 days old less a minute: with 30 days kept, two go. */
function agedEvents(label: string, now: number) {
  return [
    { actorLabel: `${label} 400 days`, createdAt: new Date(now - 400 * DAY_MS) },
    { actorLabel: `${label} 31 days`, createdAt: new Date(now - 31 * DAY_MS) },
    { actorLabel: `${label} 30 days less a minute`, createdAt: new Date(now - 30 * DAY_MS + 60_000) },
    { actorLabel: `${label} 29 days`, createdAt: new Date(now - 29 * DAY_MS) },
  ];
}

describe("audit retention", () => {
  it("removes events older than the retention, in every organization and of none, and keeps the rest", async () => {
    const now = Date.now();
    const first = await createTestOrganization();
    const second = await createTestOrganization();
    const inFirst = await insertAuditEvents(first.organization.id, agedEvents("first", now));
    const inSecond = await insertAuditEvents(second.organization.id, agedEvents("second", now));
    const ofNone = await insertAuditEvents(null, agedEvents("none", now));
    // Past the retention twice over, more than one batch (of 2 here) in an organization.
    const backlog = await insertAuditEvents(
      first.organization.id,
      Array.from({ length: 5 }, (_, index) => ({
        actorLabel: `backlog ${index}`,
        createdAt: new Date(now - 90 * DAY_MS),
      })),
    );

    const db = await getDb();
    const pruned = await pruneAuditEvents(db, { retentionDays: 30, now: new Date(now), batchSize: 2 });
    expect(pruned).toBeGreaterThanOrEqual(2 * 3 + backlog.length);

    const ids = [...inFirst, ...inSecond, ...ofNone, ...backlog].map((event) => event.id);
    const left = await db
      .select({ actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(inArray(auditEvents.id, ids));
    expect(left.map((row) => row.actorLabel).sort()).toEqual(
      [
        "first 30 days less a minute",
        "first 29 days",
        "second 30 days less a minute",
        "second 29 days",
        "none 30 days less a minute",
        "none 29 days",
      ].sort(),
    );
    // Nothing else of these organizations was touched: their seeded users' events are recent.
    expect(await pruneAuditEvents(db, { retentionDays: 30, now: new Date(now), batchSize: 2 })).toBe(0);
  });

  it("keeps a year by default", async () => {
    const now = Date.now();
    const tenant = await createTestOrganization();
    await insertAuditEvents(tenant.organization.id, [
      { actorLabel: "366 days", createdAt: new Date(now - 366 * DAY_MS) },
      { actorLabel: "364 days", createdAt: new Date(now - 364 * DAY_MS) },
    ]);
    const db = await getDb();
    await pruneAuditEvents(db, { retentionDays: auditRetentionDays({}), now: new Date(now) });
    const left = await db
      .select({ actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, tenant.organization.id));
    expect(left).toEqual([{ actorLabel: "364 days" }]);
  });

  it("reads LATCHKEY_AUDIT_RETENTION_DAYS, and refuses anything but a whole number of days", () => {
    expect(auditRetentionDays({})).toBe(DEFAULT_AUDIT_RETENTION_DAYS);
    expect(auditRetentionDays({ [AUDIT_RETENTION_ENV]: "" })).toBe(365);
    expect(auditRetentionDays({ [AUDIT_RETENTION_ENV]: "90" })).toBe(90);
    expect(auditRetentionDays({ [AUDIT_RETENTION_ENV]: " 7 " })).toBe(7);
    for (const wrong of ["0", "-5", "1.5", "30d", "1e3", "ninety", "36501"]) {
      expect(() => auditRetentionDays({ [AUDIT_RETENTION_ENV]: wrong }), wrong).toThrow(
        `LATCHKEY_AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500, got "${wrong}"`,
      );
    }
  });
});
