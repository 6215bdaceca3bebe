import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAuditEventsForTarget } from "@/lib/audit/list-audit-events-for-target";
import { setClientRequestRate } from "@/lib/clients/set-client-request-rate";
import { generateSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { auditEvents, organizations, personalTokens, roles } from "@/lib/db/schema";
import { ACCESS_TOKEN_TARGET_TYPE, issueAccessToken } from "@/lib/oauth/access-token";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";
import { captureLog } from "@/lib/testing/capture-log";
import { basicAuth, formRequest, standaloneIssuance } from "@/lib/testing/oauth-test-support";
import {
  apiGet,
  basicPassword,
  bearer,
  createPersonTenant,
  PERSON_PASSWORD,
  setLevel,
} from "@/lib/testing/person-credential-test-support";
import {
  eventsFrom,
  expectNoSecretIn,
  freshAddress,
  TEST_USER_AGENT,
} from "@/lib/testing/security-event-test-support";

const withAgent = (headers: Record<string, string>) => ({ ...headers, "user-agent": TEST_USER_AGENT });
const jtiOf = (jwt: string): string =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()).jti;

let log: ReturnType<typeof captureLog>;
let secrets: string[];

beforeEach(() => {
  log = captureLog();
  secrets = [PERSON_PASSWORD];
});

afterEach(async () => {
  log.stop();
  const db = await getDb();
  expectNoSecretIn(JSON.stringify(await db.select().from(auditEvents)), secrets);
  expectNoSecretIn(log.text(), secrets);
});

async function tenantWithSecrets() {
  const tenant = await createPersonTenant({ level: "legacy" });
  secrets.push(tenant.secret, tenant.token, tenant.legacyKey, tenant.accessToken);
  return tenant;
}

describe("security events of the resource API's authentication", () => {
  it("records api-key/api-secret refusals as client authentication refused, in the client's organization", async () => {
    const tenant = await tenantWithSecrets();
    const wrong = generateSecret("client_secret");
    secrets.push(wrong);
    const ip = freshAddress();
    const headers = withAgent({ "api-key": tenant.client.clientId, "api-secret": wrong });
    expect((await apiGet("cases", headers, ip)).status).toBe(401);
    const db = await getDb();
    await db
      .update(organizations)
      .set({ restrictApiByIp: true })
      .where(eq(organizations.id, tenant.organizationId));
    const right = withAgent({ "api-key": tenant.client.clientId, "api-secret": tenant.secret });
    expect((await apiGet("cases", right, ip)).status).toBe(403);

    expect(await eventsFrom(ip)).toMatchObject([
      {
        action: "api_client.authentication_refused",
        organizationId: tenant.organizationId,
        actorType: "anonymous",
        targetType: "api_client",
        targetId: tenant.client.clientId,
        ip,
        userAgent: TEST_USER_AGENT,
        outcome: "denied",
        reason: "wrong_secret",
        details: { method: "client_secret_headers" },
      },
      {
        action: "api_client.authentication_refused",
        organizationId: tenant.organizationId,
        actorType: "client",
        actorId: tenant.client.id,
        reason: "address_not_allowed",
      },
    ]);
  });

  it("records access tokens refused: a forged one anonymously, a genuine one in its organization by its jti", async () => {
    const tenant = await tenantWithSecrets();
    const ip = freshAddress();
    const [header = "", payload = ""] = tenant.accessToken.split(".");
    const forged = `${header}.${payload}.${"A".repeat(86)}`;
    secrets.push(forged);
    const { token: expired } = await issueAccessToken({
      clientId: tenant.client.clientId,
      organizationId: tenant.organizationId,
      partnerId: tenant.organization.partnerId,
      scopes: ["cases:read"],
      lifetimeSeconds: 60,
      issuance: standaloneIssuance(),
      now: Date.now() - 3_600_000,
    });
    secrets.push(expired);
    await handleRevocationRequest(
      formRequest(
        "/api/oauth/revoke",
        { token: tenant.accessToken },
        { authorization: basicAuth(tenant.client.clientId, tenant.secret) },
      ),
      ip,
    );

    expect((await apiGet("cases", withAgent(bearer(forged)), ip)).status).toBe(401);
    expect((await apiGet("cases", withAgent(bearer(expired)), ip)).status).toBe(401);
    expect((await apiGet("cases", withAgent(bearer(tenant.accessToken)), ip)).status).toBe(401);

    const refused = (await eventsFrom(ip)).filter((event) => event.action === "access_token.refused");
    const genuine = {
      organizationId: tenant.organizationId,
      actorType: "client",
      targetType: ACCESS_TOKEN_TARGET_TYPE,
      details: { method: "access_token", client_id: tenant.client.clientId },
    };
    expect(refused).toMatchObject([
      { organizationId: null, actorType: "anonymous", targetId: null, reason: "invalid_token" },
      { ...genuine, targetId: jtiOf(expired), reason: "token_expired" },
      { ...genuine, targetId: jtiOf(tenant.accessToken), reason: "token_not_live" },
    ]);
  });

  it("records personal tokens refused: unknown ones with no organization, real ones by their id", async () => {
    const tenant = await tenantWithSecrets();
    const db = await getDb();
    const [row] = await db.select().from(personalTokens).where(eq(personalTokens.userId, tenant.person.id));
    if (!row) throw new Error("no token");
    const unknown = generateSecret("personal_token");
    secrets.push(unknown);
    const ip = freshAddress();
    expect((await apiGet("cases", withAgent(bearer(unknown)), ip)).status).toBe(401);
    await db.update(roles).set({ restApiEnabled: false }).where(eq(roles.id, tenant.memberRole.id));
    expect((await apiGet("cases", withAgent(bearer(tenant.token)), ip)).status).toBe(403);
    await db.update(roles).set({ restApiEnabled: true }).where(eq(roles.id, tenant.memberRole.id));
    await db
      .update(personalTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(personalTokens.id, row.id));
    expect((await apiGet("cases", withAgent(bearer(tenant.token)), ip)).status).toBe(401);
    await db.update(personalTokens).set({ revokedAt: new Date() }).where(eq(personalTokens.id, row.id));
    expect((await apiGet("cases", withAgent(bearer(tenant.token)), ip)).status).toBe(401);

    const real = {
      action: "personal_token.refused",
      organizationId: tenant.organizationId,
      actorType: "personal_token",
      actorId: tenant.person.id,
      actorLabel: `${tenant.person.email} (personal token)`,
      targetType: "personal_token",
      targetId: row.id,
      ip,
      userAgent: TEST_USER_AGENT,
      outcome: "denied",
    };
    expect(await eventsFrom(ip)).toMatchObject([
      {
        action: "personal_token.refused",
        organizationId: null,
        actorType: "anonymous",
        reason: "unknown_token",
      },
      { ...real, reason: "rest_api_off" },
      { ...real, reason: "token_expired" },
      { ...real, reason: "token_revoked" },
    ]);
  });

  it("records legacy keys and HTTP Basic refused, with the true reason and never an unknown email", async () => {
    const tenant = await tenantWithSecrets();
    await setLevel(tenant.organizationId, "high");
    const ip = freshAddress();
    const typedIntoTheWrongField = "Not-An-Email-But-A-Password-9";
    secrets.push(typedIntoTheWrongField);
    expect((await apiGet("cases", withAgent(bearer(tenant.legacyKey)), ip)).status).toBe(401);
    expect(
      (await apiGet("cases", withAgent(basicPassword(tenant.person.email, "Wrong-Password-123")), ip)).status,
    ).toBe(401);
    expect((await apiGet("cases", withAgent(basicPassword(typedIntoTheWrongField)), ip)).status).toBe(401);
    await setLevel(tenant.organizationId, "extra_high");
    // The right password, at a level that refuses Basic: answered as a wrong one, recorded as it is.
    expect((await apiGet("cases", withAgent(basicPassword(tenant.person.email)), ip)).status).toBe(401);

    const events = await eventsFrom(ip);
    expect(events).toMatchObject([
      {
        action: "legacy_key.refused",
        organizationId: tenant.organizationId,
        actorType: "user",
        actorId: tenant.person.id,
        targetType: "legacy_key",
        reason: "method_not_allowed",
      },
      {
        action: "basic_auth.refused",
        organizationId: tenant.organizationId,
        actorType: "anonymous",
        targetType: "user",
        targetId: tenant.person.id,
        reason: "wrong_password",
      },
      { action: "basic_auth.refused", organizationId: null, targetId: null, reason: "unknown_user" },
      {
        action: "basic_auth.refused",
        organizationId: tenant.organizationId,
        actorType: "user",
        actorLabel: `${tenant.person.email} (HTTP Basic)`,
        reason: "method_not_allowed",
      },
    ]);
    expect(JSON.stringify(events)).not.toContain("Wrong-Password-123");
  });

  it("records a caller over its request rate once a minute, with the count of the rest", async () => {
    const tenant = await tenantWithSecrets();
    await setClientRequestRate(await getDb(), tenant.organizationId, tenant.actor.audit, {
      clientId: tenant.client.clientId,
      requestsPerMinute: 1,
    });
    const ip = freshAddress();
    const headers = withAgent({ "api-key": tenant.client.clientId, "api-secret": tenant.secret });
    const statuses: number[] = [];
    for (let call = 0; call < 6; call += 1) statuses.push((await apiGet("cases", headers, ip)).status);
    expect(statuses).toEqual([200, 429, 429, 429, 429, 429]);
    expect(await eventsFrom(ip)).toMatchObject([
      {
        action: "api.rate_limited",
        organizationId: tenant.organizationId,
        actorType: "client",
        targetType: "api_client",
        targetId: tenant.client.clientId,
        reason: "request_rate_exceeded",
        details: { requestsPerMinute: 1 },
      },
      { action: "api.rate_limited", details: { repeats: 4 } },
    ]);
  });

  it("scrubs a credential sent in the User-Agent, and records nothing for a request without credentials", async () => {
    const tenant = await tenantWithSecrets();
    const ip = freshAddress();
    const wrong = generateSecret("client_secret");
    secrets.push(wrong);
    expect((await apiGet("cases", { "user-agent": "curl/8.5" }, ip)).status).toBe(401);
    const leaky = {
      "api-key": tenant.client.clientId,
      "api-secret": wrong,
      "user-agent": `job/2 key=${wrong}`,
    };
    expect((await apiGet("cases", leaky, ip)).status).toBe(401);
    const events = await eventsFrom(ip);
    expect(events).toHaveLength(1);
    expect(events[0]?.userAgent).toBe("job/2 key=lk_cs_[REDACTED]");
  });

  it("keeps each organization's events to itself, and a client's traffic out of its page's history", async () => {
    const tenant = await tenantWithSecrets();
    const other = await tenantWithSecrets();
    const ip = freshAddress();
    const wrong = generateSecret("client_secret");
    secrets.push(wrong);
    await apiGet("cases", withAgent({ "api-key": tenant.client.clientId, "api-secret": wrong }), ip);
    await apiGet("cases", withAgent({ "api-key": "lkc_000000000000000000000001", "api-secret": wrong }), ip);
    const events = await eventsFrom(ip);
    expect(events.map((event) => event.organizationId)).toEqual([tenant.organizationId, null]);

    const db = await getDb();
    const otherEvents = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, other.organizationId));
    expect(otherEvents.filter((event) => event.ip === ip)).toEqual([]);
    // The client's page lists its changes, not its traffic.
    const history = await listAuditEventsForTarget(db, tenant.organizationId, {
      type: "api_client",
      id: tenant.client.clientId,
    });
    expect(history.map((event) => event.action)).toEqual(["api_client.created"]);
  });
});
