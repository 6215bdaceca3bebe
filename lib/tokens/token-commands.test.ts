import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import "@/lib/testing/test-secret-pepper";
import { getDb } from "@/lib/db/client";
import { organizations, personalTokens, roles } from "@/lib/db/schema";
import { FULL_GRID } from "@/lib/permissions/grid";
import { auditEventsOf } from "@/lib/testing/client-test-support";
import { actorFor, apiGet, bearer, createPersonTenant } from "@/lib/testing/person-credential-test-support";
import { createLegacyKey, revokeLegacyKey } from "./legacy-keys";
import { createPersonalToken, recreatePersonalToken, revokePersonalToken } from "./token-commands";
import { listOrganizationTokens, listTokensExpiringSoon, listUserTokens } from "./token-queries";

const DAY = 86_400_000;

describe("creating personal tokens", () => {
  it("gives the chosen lifetime within the maximum, with the token shown once and stored hashed", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const before = Date.now();
    const issued = await createPersonalToken(db, tenant.actor, { name: "Nightly export", expiration: 30 });
    expect(issued.token).toMatch(/^lk_pat_[0-9A-Za-z]{49}$/);
    expect(issued.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY);
    const [row] = await db.select().from(personalTokens).where(eq(personalTokens.id, issued.id));
    expect(row?.tokenHash).not.toContain(issued.token);
    expect(row?.scopes).toEqual(FULL_GRID);
    const events = await auditEventsOf(tenant.organizationId);
    expect(JSON.stringify(events)).not.toContain(issued.token);
    expect(events.some((event) => event.action === "personal_token.created")).toBe(true);
  });

  it.each([
    [366, "expiration", "Tokens may last at most 365 days"],
    ["never", "expiration", "Your organization does not allow tokens without an expiration"],
  ] as const)("refuses %j beyond the policy", async (expiration, field, message) => {
    const tenant = await createPersonTenant();
    await expect(
      createPersonalToken(await getDb(), tenant.actor, { name: "Too long", expiration }),
    ).rejects.toMatchObject({ field, message });
  });

  it.each([0, -1, 36_500, "soon"])("refuses a malformed expiration %j", async (expiration) => {
    const tenant = await createPersonTenant();
    await expect(
      createPersonalToken(await getDb(), tenant.actor, { name: "Bad", expiration: expiration as number }),
    ).rejects.toThrow();
  });

  it("allows No expiration only when the policy does", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    await db
      .update(organizations)
      .set({ allowUnexpiringTokens: true })
      .where(eq(organizations.id, tenant.organizationId));
    const issued = await createPersonalToken(db, tenant.actor, { name: "Forever", expiration: "never" });
    expect(issued.expiresAt).toBeNull();
  });

  it("keeps narrower permissions within the role", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    await expect(
      createPersonalToken(db, tenant.actor, {
        name: "Greedy",
        expiration: 7,
        permissionMode: "custom",
        scopes: ["cases:read", "cases:delete"],
      }),
    ).rejects.toMatchObject({ field: "scopes", message: "Your role does not hold cases:delete" });
    await expect(
      createPersonalToken(db, tenant.actor, {
        name: "Empty",
        expiration: 7,
        permissionMode: "custom",
        scopes: [],
      }),
    ).rejects.toMatchObject({ field: "scopes" });
  });

  it("is refused, with a clear message, when the role's REST API is off", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    await db.update(roles).set({ restApiEnabled: false }).where(eq(roles.id, tenant.memberRole.id));
    await expect(createPersonalToken(db, tenant.actor, { name: "Nope", expiration: 7 })).rejects.toThrow(
      "REST API access is turned off for your role (Investigator)",
    );
  });
});

describe("managing personal tokens", () => {
  it("recreates a token: new value, same name and permissions, fresh expiry, old one revoked", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const original = await createPersonalToken(db, tenant.actor, {
      name: "Reports",
      expiration: 60,
      permissionMode: "custom",
      scopes: ["cases:read"],
    });
    await db
      .update(personalTokens)
      .set({ createdAt: new Date(Date.now() - 50 * DAY), expiresAt: new Date(Date.now() + 10 * DAY) })
      .where(eq(personalTokens.id, original.id));
    const renewed = await recreatePersonalToken(db, tenant.actor, { tokenId: original.id });
    expect(renewed.name).toBe("Reports");
    expect(renewed.token).not.toBe(original.token);
    expect(Math.round(((renewed.expiresAt?.getTime() ?? 0) - Date.now()) / DAY)).toBe(60);
    expect((await apiGet("cases", bearer(original.token))).status).toBe(401);
    expect((await apiGet("cases", bearer(renewed.token))).status).toBe(200);
    const [row] = await db.select().from(personalTokens).where(eq(personalTokens.id, renewed.id));
    expect(row?.scopes).toEqual(["cases:read"]);
    await expect(recreatePersonalToken(db, tenant.actor, { tokenId: original.id })).rejects.toThrow(
      "already been revoked",
    );
  });

  it("lets a user revoke only their own tokens, and an administrator any of the organization's", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const mine = await createPersonalToken(db, tenant.actor, { name: "Mine", expiration: 7 });
    const adminActor = actorFor(tenant.organizationId, tenant.admin);
    await expect(
      revokePersonalToken(db, adminActor, { tokenId: mine.id }, { ownerOnly: true }),
    ).rejects.toThrow();
    const other = await createPersonTenant();
    await expect(
      revokePersonalToken(
        db,
        actorFor(other.organizationId, other.admin),
        { tokenId: mine.id },
        { ownerOnly: false },
      ),
    ).rejects.toThrow();
    await revokePersonalToken(db, adminActor, { tokenId: mine.id }, { ownerOnly: false });
    expect((await apiGet("cases", bearer(mine.token))).status).toBe(401);
  });

  it("lists tokens with their permissions and flags those ending within seven days", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const soon = await createPersonalToken(db, tenant.actor, { name: "Soon", expiration: 5 });
    const list = await listUserTokens(db, tenant.organizationId, tenant.person.id);
    expect(list.map((token) => [token.name, token.expiresSoon])).toEqual([
      ["Soon", true],
      ["Script", false],
    ]);
    expect(list[0]?.permissionsSummary).toBe("As role: Cases: read");
    expect(
      (await listTokensExpiringSoon(db, tenant.organizationId, tenant.person.id)).map((t) => t.id),
    ).toEqual([soon.id]);
    const all = await listOrganizationTokens(db, tenant.organizationId);
    expect(all.every((token) => token.ownerEmail === tenant.person.email)).toBe(true);
    expect(await listOrganizationTokens(db, (await createPersonTenant()).organizationId)).toHaveLength(1);
  });
});

describe("legacy keys", () => {
  it("one per user, shown once, revocable", async () => {
    const tenant = await createPersonTenant({ level: "legacy" });
    const db = await getDb();
    await expect(createLegacyKey(db, tenant.actor)).rejects.toThrow("already have a legacy API key");
    await revokeLegacyKey(db, tenant.actor);
    expect((await apiGet("cases", bearer(tenant.legacyKey))).status).toBe(401);
    const key = await createLegacyKey(db, tenant.actor);
    expect(key).toMatch(/^lk_legacy_/);
    expect((await apiGet("cases", bearer(key))).status).toBe(200);
  });
});
