import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import "@/lib/testing/test-secret-pepper";
import { getDb } from "@/lib/db/client";
import { organizations, users } from "@/lib/db/schema";
import { auditEventsOf, createClientTestTenant } from "@/lib/testing/client-test-support";
import { actorFor, createPersonTenant } from "@/lib/testing/person-credential-test-support";
import { LEGACY_SUNSET_ENV } from "./security-level";
import {
  changeSecurityLevel,
  getSecuritySettings,
  securityLevelImpact,
  updateTokenPolicy,
} from "./security-settings";
import { tokenPolicySchema } from "./security-settings-schemas";

const valid = { defaultTokenExpirationDays: 30, maxTokenExpirationDays: 365, allowUnexpiringTokens: false };

describe("the token expiration policy schema", () => {
  it.each([
    [
      "zero default",
      { defaultTokenExpirationDays: 0 },
      "defaultTokenExpirationDays",
      "must be at least 1 day",
    ],
    ["negative maximum", { maxTokenExpirationDays: -5 }, "maxTokenExpirationDays", "must be at least 1 day"],
    ["100 years", { maxTokenExpirationDays: 36_500 }, "maxTokenExpirationDays", "at most 3650 days"],
    ["a fraction", { defaultTokenExpirationDays: 1.5 }, "defaultTokenExpirationDays", "whole number"],
    ["not a number", { defaultTokenExpirationDays: "soon" }, "defaultTokenExpirationDays", "number of days"],
    ["empty", { maxTokenExpirationDays: "" }, "maxTokenExpirationDays", "at least 1 day"],
    [
      "default above maximum",
      { defaultTokenExpirationDays: 400 },
      "defaultTokenExpirationDays",
      "cannot be longer than the maximum",
    ],
  ])("refuses %s with a field error", (_label, change, field, message) => {
    const result = tokenPolicySchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path.join(".") === field);
    expect(issue?.message).toContain(message);
  });

  it.each([
    ["the bounds", { defaultTokenExpirationDays: 1, maxTokenExpirationDays: 3650 }],
    ["default equal to maximum", { defaultTokenExpirationDays: 90, maxTokenExpirationDays: 90 }],
    ["numbers typed as text", { defaultTokenExpirationDays: "7", maxTokenExpirationDays: "30" }],
  ])("accepts %s", (_label, change) => {
    expect(tokenPolicySchema.safeParse({ ...valid, ...change }).success).toBe(true);
  });
});

describe("security settings", () => {
  afterEach(() => {
    delete process.env[LEGACY_SUNSET_ENV];
  });

  it("stores a valid policy with an audit event, and changes nothing on bad input", async () => {
    const tenant = await createClientTestTenant();
    const db = await getDb();
    const next = { defaultTokenExpirationDays: 14, maxTokenExpirationDays: 90, allowUnexpiringTokens: true };
    await updateTokenPolicy(db, tenant.organizationId, tenant.actor, next);
    await expect(
      updateTokenPolicy(db, tenant.organizationId, tenant.actor, {
        ...next,
        defaultTokenExpirationDays: 120,
      }),
    ).rejects.toThrow();
    const settings = await getSecuritySettings(db, tenant.organizationId);
    expect(settings).toMatchObject(next);
    const events = (await auditEventsOf(tenant.organizationId)).filter(
      (event) => event.action === "organization.token_policy_changed",
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ after: next, before: { defaultTokenExpirationDays: 30 } });
  });

  it("lists what a stricter level breaks, counted from the data", async () => {
    const tenant = await createPersonTenant({ level: "legacy" });
    const db = await getDb();
    await db
      .update(users)
      .set({ lastBasicAuthAt: sql`now() - interval '3 days'` })
      .where(eq(users.id, tenant.person.id));
    await db
      .update(users)
      .set({ lastBasicAuthAt: sql`now() - interval '45 days'` })
      .where(eq(users.id, tenant.admin.id));
    const toHigh = await securityLevelImpact(db, tenant.organizationId, "high");
    expect(toHigh.breaks).toEqual(["1 legacy key will stop working."]);
    const toExtraHigh = await securityLevelImpact(db, tenant.organizationId, "extra_high");
    expect(toExtraHigh.breaks).toEqual([
      "1 legacy key will stop working.",
      "HTTP Basic with email and password will be refused: 1 user used username and password in the last 30 days.",
    ]);
    const impact = await changeSecurityLevel(db, tenant.organizationId, tenant.actor.audit, {
      level: "extra_high",
    });
    expect(impact.legacyKeys).toBe(1);
    const back = await securityLevelImpact(db, tenant.organizationId, "legacy");
    expect(back.breaks).toEqual([]);
    expect(back.loosens).toHaveLength(2);
    const [event] = (await auditEventsOf(tenant.organizationId)).filter(
      (candidate) => candidate.action === "organization.security_level_changed",
    );
    expect(event?.details).toMatchObject({ from: "Legacy", to: "Extra High" });
  });

  it("after the sunset, reports Legacy as upgraded to High and refuses to choose it", async () => {
    const tenant = await createClientTestTenant({ securityLevel: "legacy" });
    const db = await getDb();
    process.env[LEGACY_SUNSET_ENV] = "2025-01-01";
    const settings = await getSecuritySettings(db, tenant.organizationId);
    expect(settings.storedLevel).toBe("legacy");
    expect(settings.level).toBe("high");
    expect(settings.upgradedOnSunset?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    await db
      .update(organizations)
      .set({ securityLevel: "high" })
      .where(eq(organizations.id, tenant.organizationId));
    await expect(
      changeSecurityLevel(db, tenant.organizationId, tenant.actor, { level: "legacy" }),
    ).rejects.toThrow("Legacy was retired on 2025-01-01");
    expect((await getSecuritySettings(db, tenant.organizationId)).storedLevel).toBe("high");
  });

  it("keeps legacy keys creatable only at Legacy", async () => {
    const tenant = await createPersonTenant({ level: "high" });
    const { createLegacyKey } = await import("@/lib/tokens/legacy-keys");
    await expect(
      createLegacyKey(await getDb(), actorFor(tenant.organizationId, tenant.admin)),
    ).rejects.toThrow("only while your organization is at the Legacy security level");
  });
});
