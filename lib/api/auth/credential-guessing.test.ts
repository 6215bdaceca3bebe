import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { generateSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { organizations, roles, users } from "@/lib/db/schema";
import { FAILURE_BUDGETS } from "@/lib/limits/limit-catalogue";
import "@/lib/testing/test-secret-pepper";
import {
  apiGet,
  basicPassword,
  bearer,
  createPersonTenant,
  PERSON_PASSWORD,
  setLevel,
} from "@/lib/testing/person-credential-test-support";

/** A fresh IPv6 /64 per call: an attacker with as many addresses as they like. */
function freshAddress() {
  const hex = randomUUID().replace(/-/g, "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8, 12)}`;
}

async function snapshot(response: Response) {
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    challenge: response.headers.get("www-authenticate"),
    body: await response.text(),
  };
}

describe("HTTP Basic is no password oracle", () => {
  it("answers a right password that may not be used exactly as a wrong one", async () => {
    const tenant = await createPersonTenant();
    const db = await getDb();
    const wrong = await snapshot(
      await apiGet("cases", basicPassword(tenant.person.email, "not-the-password"), freshAddress()),
    );
    expect(wrong.status).toBe(401);

    const refusals: Record<string, () => Promise<unknown>> = {
      "Extra High security level": () => setLevel(tenant.organizationId, "extra_high"),
      "a plan without API access": async () => {
        await setLevel(tenant.organizationId, "high");
        await db
          .update(organizations)
          .set({ plan: "free" })
          .where(eq(organizations.id, tenant.organizationId));
      },
      "the REST API off for the role": async () => {
        await db
          .update(organizations)
          .set({ plan: "standard" })
          .where(eq(organizations.id, tenant.organizationId));
        await db.update(roles).set({ restApiEnabled: false }).where(eq(roles.id, tenant.memberRole.id));
      },
      "a deactivated user": async () => {
        await db.update(roles).set({ restApiEnabled: true }).where(eq(roles.id, tenant.memberRole.id));
        await db.update(users).set({ active: false }).where(eq(users.id, tenant.person.id));
      },
    };
    for (const [label, apply] of Object.entries(refusals)) {
      await apply();
      const right = await snapshot(await apiGet("cases", basicPassword(tenant.person.email), freshAddress()));
      expect(right, label).toEqual(wrong);
    }
  });

  it("counts refusals after a right password as failures of the account", async () => {
    const tenant = await createPersonTenant({ level: "extra_high" });
    for (let attempt = 0; attempt < FAILURE_BUDGETS.passwordPerAccount.points; attempt += 1) {
      expect((await apiGet("cases", basicPassword(tenant.person.email), freshAddress())).status).toBe(401);
    }
    await setLevel(tenant.organizationId, "high");
    const limited = await apiGet("cases", basicPassword(tenant.person.email), freshAddress());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("bounds guesses per account across addresses, yet an address Basic worked from keeps its own budget", async () => {
    const tenant = await createPersonTenant();
    const integration = freshAddress();
    expect((await apiGet("cases", basicPassword(tenant.person.email), integration)).status).toBe(200);
    for (let attempt = 0; attempt < FAILURE_BUDGETS.passwordPerAccount.points; attempt += 1) {
      const guess = await apiGet(
        "cases",
        basicPassword(tenant.person.email, `guess-${attempt}`),
        freshAddress(),
      );
      expect(guess.status).toBe(401);
    }
    // The attacker, from yet another address, is refused without the password being checked…
    const attacker = await apiGet(
      "cases",
      basicPassword(tenant.person.email, PERSON_PASSWORD),
      freshAddress(),
    );
    expect(attacker.status).toBe(429);
    expect(attacker.headers.get("retry-after")).toMatch(/^\d+$/);
    // …and the integration's own address still works (same /64, another host included).
    expect((await apiGet("cases", basicPassword(tenant.person.email), integration)).status).toBe(200);
    const neighbour = integration.replace(/::[0-9a-f]+$/, "::1");
    expect((await apiGet("cases", basicPassword(tenant.person.email), neighbour)).status).toBe(200);
  });
});

describe("every credential path is rate-limited", () => {
  it("answers wrong api-key/api-secret pairs 429 with Retry-After once the client's budget from an address is spent", async () => {
    const tenant = await createPersonTenant();
    const ip = freshAddress();
    const wrong = { "api-key": tenant.client.clientId, "api-secret": generateSecret("client_secret") };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 60; attempt += 1)
      statuses.push((await apiGet("cases", wrong, ip)).status);
    const budget = FAILURE_BUDGETS.secretPerClientAndAddress.points;
    expect(statuses.slice(0, budget).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(budget).every((status) => status === 429)).toBe(true);
    const limited = await apiGet("cases", wrong, ip);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    // The right secret is not locked out, from there or elsewhere.
    const right = { "api-key": tenant.client.clientId, "api-secret": tenant.secret };
    expect((await apiGet("cases", right, ip)).status).toBe(200);
  });

  it.each([
    ["personal tokens", () => generateSecret("personal_token")],
    ["legacy keys", () => generateSecret("legacy_key")],
    ["access tokens", () => "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJ4IjoxfQ.c2lnbmF0dXJl"],
  ])("answers wrong %s 429 once the address's budget is spent", async (_label, makeWrong) => {
    const ip = freshAddress();
    const budget = FAILURE_BUDGETS.secretPerAddress.points;
    for (let attempt = 0; attempt < budget; attempt += 1) {
      expect((await apiGet("cases", bearer(makeWrong()), ip)).status).toBe(401);
    }
    const limited = await apiGet("cases", bearer(makeWrong()), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await apiGet("cases", bearer(makeWrong()), freshAddress())).status).toBe(401);
  });

  it("spends one budget for the headers and the token endpoint together", async () => {
    const { handleTokenRequest } = await import("@/lib/oauth/token-endpoint");
    const { basicAuth, formRequest } = await import("@/lib/testing/oauth-test-support");
    const tenant = await createPersonTenant();
    const ip = freshAddress();
    const wrongSecret = generateSecret("client_secret");
    const budget = FAILURE_BUDGETS.secretPerClientAndAddress.points;
    for (let attempt = 0; attempt < budget; attempt += 1) {
      await apiGet("cases", { "api-key": tenant.client.clientId, "api-secret": wrongSecret }, ip);
    }
    const viaToken = await handleTokenRequest(
      formRequest(
        "/api/oauth/token",
        { grant_type: "client_credentials" },
        { authorization: basicAuth(tenant.client.clientId, wrongSecret) },
      ),
      ip,
    );
    expect(viaToken.status).toBe(429);
    expect(await viaToken.json()).toMatchObject({ error: "invalid_client" });
  });
});
