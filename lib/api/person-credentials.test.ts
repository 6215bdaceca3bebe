import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import "@/lib/testing/test-secret-pepper";
import { BASIC_INVALID } from "@/lib/api/auth/authenticate-basic-password";
import { basicCredentialCache } from "@/lib/api/auth/basic-credential-cache";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/crypto/password";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { organizations, personalTokens, roles, users } from "@/lib/db/schema";
import { updateRole } from "@/lib/roles/role-commands";
import {
  apiGet,
  basicPassword,
  bearer,
  createPersonTenant,
  issueToken,
  setLevel,
} from "@/lib/testing/person-credential-test-support";
import { revokePersonalToken } from "@/lib/tokens/token-commands";
import { flushApiRequestLog } from "@/lib/usage/api-request-log";
import { basicAuthUse, personalTokenUse } from "@/lib/usage/credential-last-used";

const detailOf = async (response: Response) => ((await response.json()) as { detail: string }).detail;

async function setRole(roleId: string, values: Partial<typeof roles.$inferInsert>) {
  const db = await getDb();
  await db.update(roles).set(values).where(eq(roles.id, roleId));
}

describe("personal tokens", () => {
  it("grant the token's scopes within the role's grid, and follow the role as it changes", async () => {
    const tenant = await createPersonTenant();
    await setRole(tenant.memberRole.id, { permissions: ["cases:read", "devices:read"] });
    const narrow = await issueToken(tenant.actor, { permissionMode: "custom", scopes: ["devices:read"] });
    expect((await apiGet("devices", bearer(narrow))).status).toBe(200);
    expect((await apiGet("cases", bearer(narrow))).status).toBe(403);
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
    // The role loses devices:read: the token can no longer use it, though its own scope names it.
    await setRole(tenant.memberRole.id, { permissions: ["cases:read"] });
    const refused = await apiGet("devices", bearer(narrow));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toContain('scope="devices:read"');
  });

  it("stop working when the role's REST API is switched off, and work again when it is on", async () => {
    const tenant = await createPersonTenant();
    await setRole(tenant.memberRole.id, { restApiEnabled: false });
    const response = await apiGet("cases", bearer(tenant.token));
    expect(response.status).toBe(403);
    expect(await detailOf(response)).toBe("REST API access is turned off for this user's role");
    // A password says no more than a wrong one would (no password oracle).
    const basic = await apiGet("cases", basicPassword(tenant.person.email));
    expect(basic.status).toBe(401);
    expect(await detailOf(basic)).toBe(BASIC_INVALID);
    await setRole(tenant.memberRole.id, { restApiEnabled: true });
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
  });

  it("are refused when revoked, expired, or past a tightened maximum", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const [row] = await db.select().from(personalTokens).where(eq(personalTokens.userId, tenant.person.id));
    if (!row) throw new Error("no token");
    // Made 40 days ago with a 365-day lifetime: fine under a 365-day maximum, not under 30.
    const createdAt = new Date(Date.now() - 40 * 86_400_000);
    await db
      .update(personalTokens)
      .set({ createdAt, expiresAt: new Date(createdAt.getTime() + 365 * 86_400_000) })
      .where(eq(personalTokens.id, row.id));
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
    await db
      .update(organizations)
      .set({ maxTokenExpirationDays: 30 })
      .where(eq(organizations.id, tenant.organizationId));
    const capped = await apiGet("cases", bearer(tenant.token));
    expect(capped.status).toBe(401);
    expect(await detailOf(capped)).toBe("The personal token has expired");
    // Loosening restores it, up to (never beyond) its own expiry.
    await db
      .update(organizations)
      .set({ maxTokenExpirationDays: 365 })
      .where(eq(organizations.id, tenant.organizationId));
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
    await db
      .update(personalTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(personalTokens.id, row.id));
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(401);

    const other = await issueToken(tenant.actor);
    const [live] = await db
      .select()
      .from(personalTokens)
      .where(eq(personalTokens.tokenHash, secretHash(other)));
    await revokePersonalToken(db, tenant.actor, { tokenId: live?.id ?? "" }, { ownerOnly: true });
    const revoked = await apiGet("cases", bearer(other));
    expect(revoked.status).toBe(401);
    expect(await detailOf(revoked)).toBe("The personal token is not valid or has been revoked");
  });

  it("without an expiry are capped at created + maximum once unexpiring tokens are disallowed", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    await db
      .update(organizations)
      .set({ allowUnexpiringTokens: true })
      .where(eq(organizations.id, tenant.organizationId));
    const forever = await issueToken(tenant.actor, { expiration: "never" });
    await db
      .update(personalTokens)
      .set({ createdAt: new Date(Date.now() - 400 * 86_400_000) })
      .where(eq(personalTokens.userId, tenant.person.id));
    expect((await apiGet("cases", bearer(forever))).status).toBe(200);
    await db
      .update(organizations)
      .set({ allowUnexpiringTokens: false })
      .where(eq(organizations.id, tenant.organizationId));
    expect((await apiGet("cases", bearer(forever))).status).toBe(401);
  });

  it("record the caller for the API audit and keep last used current in batches", async () => {
    const tenant = await createPersonTenant();
    expect((await apiGet("cases", bearer(tenant.token))).status).toBe(200);
    await flushApiRequestLog();
    await personalTokenUse.flush();
    const db = await getDb();
    const [row] = await db.select().from(personalTokens).where(eq(personalTokens.userId, tenant.person.id));
    expect(row?.lastUsedAt).not.toBeNull();
  });
});

describe("deactivated users", () => {
  it("have their personal tokens, Basic credentials and legacy key refused on the next request", async () => {
    const tenant = await createPersonTenant({ level: "legacy" });
    const db = await getDb();
    for (const headers of [
      bearer(tenant.token),
      basicPassword(tenant.person.email),
      bearer(tenant.legacyKey),
    ]) {
      expect((await apiGet("cases", headers)).status).toBe(200);
    }
    await db.update(users).set({ active: false }).where(eq(users.id, tenant.person.id));
    for (const headers of [bearer(tenant.token), bearer(tenant.legacyKey)]) {
      const response = await apiGet("cases", headers);
      expect(response.status).toBe(401);
      expect(await detailOf(response)).toBe("The user of these credentials is deactivated");
    }
    // Basic answers as for a wrong password, so that it never confirms a deactivated user's password.
    const basic = await apiGet("cases", basicPassword(tenant.person.email));
    expect(basic.status).toBe(401);
    expect(await detailOf(basic)).toBe(BASIC_INVALID);
  });
});

describe("HTTP Basic with email and password", () => {
  beforeEach(() => basicCredentialCache().clear());

  it("hashes once, then answers from the cache while nothing changed", async () => {
    const tenant = await createPersonTenant();
    const cache = basicCredentialCache();
    for (let call = 0; call < 3; call += 1) {
      expect((await apiGet("cases", basicPassword(tenant.person.email))).status).toBe(200);
    }
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(2);
    await basicAuthUse.flush();
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.id, tenant.person.id));
    expect(user?.lastBasicAuthAt).not.toBeNull();
  });

  it("drops the cached credential when the password changes", async () => {
    const tenant = await createPersonTenant();
    const headers = basicPassword(tenant.person.email);
    expect((await apiGet("cases", headers)).status).toBe(200);
    const db = await getDb();
    await db
      .update(users)
      .set({ passwordHash: await hashPassword("A-Brand-New-Password-42") })
      .where(eq(users.id, tenant.person.id));
    const old = await apiGet("cases", headers);
    expect(old.status).toBe(401);
    expect(await detailOf(old)).toBe("The email or password is not valid");
    expect(
      (await apiGet("cases", basicPassword(tenant.person.email, "A-Brand-New-Password-42"))).status,
    ).toBe(200);
  });

  it("applies role and level changes on the next request despite the cache", async () => {
    const tenant = await createPersonTenant();
    const headers = basicPassword(tenant.person.email);
    expect((await apiGet("cases", headers)).status).toBe(200);
    // Latchkey itself edits the role: the person could not grant devices:read.
    await updateRole(await getDb(), tenant.organizationId, SYSTEM_ACTOR, {
      roleId: tenant.memberRole.id,
      name: tenant.memberRole.name,
      restApiEnabled: true,
      permissions: ["devices:read"],
    });
    expect((await apiGet("cases", headers)).status).toBe(403);
    expect((await apiGet("devices", headers)).status).toBe(200);
    await setLevel(tenant.organizationId, "extra_high");
    const refused = await apiGet("devices", headers);
    expect(refused.status).toBe(401);
    expect(await detailOf(refused)).toBe(BASIC_INVALID);
    expect(basicCredentialCache().misses).toBe(1);
  });

  it("answers unknown emails and wrong passwords alike", async () => {
    const tenant = await createPersonTenant();
    const ip = "198.51.100.99";
    const unknown = await apiGet("cases", basicPassword("nobody@test.example"), ip);
    const wrong = await apiGet("cases", basicPassword(tenant.person.email, "wrong-password"), ip);
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await detailOf(unknown)).toBe(await detailOf(wrong));
    expect(unknown.headers.get("www-authenticate")).toBe(wrong.headers.get("www-authenticate"));
  });

  it.each([
    ["not base64", "Basic %%%", 400, "invalid_request"],
    ["no colon", `Basic ${Buffer.from("just-an-email").toString("base64")}`, 401, "invalid_token"],
  ])("refuses malformed credentials: %s", async (_label, authorization, status, error) => {
    const response = await apiGet("cases", { authorization });
    expect(response.status).toBe(status);
    expect(response.headers.get("www-authenticate")).toContain(`error="${error}"`);
  });
});
