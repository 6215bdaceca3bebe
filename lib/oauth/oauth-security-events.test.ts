import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "@/lib/clients/create-client";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { generateSecret } from "@/lib/crypto/secret-format";
import { secretHash } from "@/lib/crypto/secret-hash";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets, auditEvents, organizations } from "@/lib/db/schema";
import { captureLog } from "@/lib/testing/capture-log";
import { rotateCurrentSecret } from "@/lib/testing/client-test-support";
import { basicAuth, createTenantWithClient, formRequest } from "@/lib/testing/oauth-test-support";
import {
  eventsFrom,
  expectNoSecretIn,
  freshAddress,
  TEST_USER_AGENT,
} from "@/lib/testing/security-event-test-support";
import { handleIntrospectionRequest } from "./introspection-endpoint";
import { handleRevocationRequest } from "./revocation-endpoint";
import { handleTokenRequest } from "./token-endpoint";

type Handler = (request: Request, ip: string) => Promise<Response>;

function call(handler: Handler, path: string, ip: string, body: Record<string, string>, headers = {}) {
  return handler(formRequest(path, body, { "user-agent": TEST_USER_AGENT, ...headers }), ip);
}

function tokenCall(ip: string, clientId: string, secret: string, body: Record<string, string> = {}) {
  return call(
    handleTokenRequest,
    "/api/oauth/token",
    ip,
    {
      grant_type: "client_credentials",
      ...body,
    },
    { authorization: basicAuth(clientId, secret) },
  );
}

async function tokenOf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

let log: ReturnType<typeof captureLog>;
/** Every secret and token a test used: none may reach the audit table or the log. */
let secrets: string[];

beforeEach(() => {
  log = captureLog();
  secrets = [];
});

afterEach(async () => {
  log.stop();
  const db = await getDb();
  const everything = JSON.stringify(await db.select().from(auditEvents));
  expectNoSecretIn(everything, secrets);
  expectNoSecretIn(log.text(), secrets);
});

describe("security events of the OAuth endpoints", () => {
  it("records a token issued: by the client, naming the token by its jti, from where, never the token", async () => {
    const tenant = await createTenantWithClient(["cases:read", "evidence:read"]);
    const ip = freshAddress();
    const token = await tokenOf(
      await tokenCall(ip, tenant.client.clientId, tenant.secret, { scope: "cases:read" }),
    );
    secrets.push(tenant.secret, token);
    const jti = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()).jti;

    const [event, ...rest] = await eventsFrom(ip);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      organizationId: tenant.organizationId,
      action: "access_token.issued",
      actorType: "client",
      actorId: tenant.client.id,
      actorLabel: `client ${tenant.client.name}`,
      targetType: "access_token",
      targetId: jti,
      ip,
      userAgent: TEST_USER_AGENT,
      outcome: "success",
      reason: null,
      details: { client_id: tenant.client.clientId, scope: "cases:read", method: "client_secret_basic" },
    });
  });

  it("records each refused client authentication with the reason the caller is not told", async () => {
    const tenant = await createTenantWithClient();
    const { client } = tenant;
    const db = await getDb();
    const unknownClient = "lkc_000000000000000000000000";
    const wrong = generateSecret("client_secret");
    secrets.push(tenant.secret, wrong);
    const ip = freshAddress();

    const cases: Array<[string, () => Promise<Response>, Record<string, unknown>]> = [
      [
        "unknown client",
        () => tokenCall(ip, unknownClient, wrong),
        { reason: "unknown_client", organizationId: null, targetId: unknownClient },
      ],
      [
        "wrong secret",
        () => tokenCall(ip, client.clientId, wrong),
        { reason: "wrong_secret", organizationId: tenant.organizationId, targetId: client.clientId },
      ],
    ];
    for (const [label, send, expected] of cases) {
      const response = await send();
      expect(response.status, label).toBe(401);
      const events = await eventsFrom(ip);
      expect(events.at(-1), label).toMatchObject({
        action: "api_client.authentication_refused",
        actorType: "anonymous",
        actorId: null,
        actorLabel: "anonymous",
        targetType: "api_client",
        ip,
        userAgent: TEST_USER_AGENT,
        outcome: "denied",
        details: { endpoint: "token", method: "client_secret_basic" },
        ...expected,
      });
    }

    // The right secret of a disabled client: the same 401, recorded as "disabled".
    const disabledAt = freshAddress();
    await setClientStatus(db, tenant.organizationId, tenant.actor, {
      clientId: client.clientId,
      status: "disabled",
    });
    expect((await tokenCall(disabledAt, client.clientId, tenant.secret)).status).toBe(401);
    expect((await eventsFrom(disabledAt)).at(-1)).toMatchObject({
      reason: "client_disabled",
      organizationId: tenant.organizationId,
    });
  });

  it("tells an old secret past its grace from one revoked by a rotation", async () => {
    const tenant = await createTenantWithClient();
    const db = await getDb();
    const first = await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId: tenant.client.clientId,
      grace: "1h",
    });
    if (!first) throw new Error("not rotated");
    secrets.push(tenant.secret, first.secret);
    // The grace period ends (by the database clock, as every process judges it).
    await db
      .update(apiClientSecrets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiClientSecrets.secretHash, secretHash(tenant.secret)));
    const expiredAt = freshAddress();
    expect((await tokenCall(expiredAt, tenant.client.clientId, tenant.secret)).status).toBe(401);
    expect((await eventsFrom(expiredAt)).at(-1)).toMatchObject({ reason: "secret_expired" });

    const second = await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId: tenant.client.clientId,
      grace: "none",
    });
    if (!second) throw new Error("not rotated");
    secrets.push(second.secret);
    const revokedAt = freshAddress();
    expect((await tokenCall(revokedAt, tenant.client.clientId, first.secret)).status).toBe(401);
    expect((await eventsFrom(revokedAt)).at(-1)).toMatchObject({
      reason: "secret_revoked",
      organizationId: tenant.organizationId,
    });
  });

  it("records a client refused for its plan or its address, by the client, in its organization", async () => {
    const db = await getDb();
    const tenant = await createTenantWithClient(["cases:read"], { allowedIps: ["192.0.2.0/24"] });
    secrets.push(tenant.secret);
    await db
      .update(organizations)
      .set({ restrictApiByIp: true })
      .where(eq(organizations.id, tenant.organizationId));
    const ip = freshAddress();
    expect((await tokenCall(ip, tenant.client.clientId, tenant.secret)).status).toBe(400);
    await db.update(organizations).set({ plan: "free" }).where(eq(organizations.id, tenant.organizationId));
    const fromFree = freshAddress();
    expect((await tokenCall(fromFree, tenant.client.clientId, tenant.secret)).status).toBe(400);

    const common = {
      action: "api_client.authentication_refused",
      organizationId: tenant.organizationId,
      actorType: "client",
      actorId: tenant.client.id,
      targetType: "api_client",
      targetId: tenant.client.clientId,
      outcome: "denied",
    };
    expect(await eventsFrom(ip)).toMatchObject([{ ...common, reason: "address_not_allowed", ip }]);
    expect(await eventsFrom(fromFree)).toMatchObject([{ ...common, reason: "not_in_plan", ip: fromFree }]);
  });

  it("records a token request refused for its scope, naming only catalogue scopes", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    secrets.push(tenant.secret);
    const ip = freshAddress();
    const response = await tokenCall(ip, tenant.client.clientId, tenant.secret, {
      scope: "cases:read evidence:read not-a-scope-but-free-text",
    });
    expect(response.status).toBe(400);
    const [event] = await eventsFrom(ip);
    expect(event).toMatchObject({
      action: "access_token.request_refused",
      actorType: "client",
      reason: "invalid_scope",
      details: { requested: ["cases:read", "evidence:read"] },
    });
    expect(JSON.stringify(event)).not.toContain("free-text");
  });

  it("records a storm of rate-limited refusals as one event and a count", async () => {
    const tenant = await createTenantWithClient();
    const wrong = generateSecret("client_secret");
    secrets.push(tenant.secret, wrong);
    const ip = freshAddress();
    const statuses: number[] = [];
    // 10 wrong secrets per client and address are answered 401; every one after, 429.
    for (let attempt = 0; attempt < 25; attempt += 1) {
      statuses.push((await tokenCall(ip, tenant.client.clientId, wrong)).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);

    const events = await eventsFrom(ip);
    expect(events.filter((event) => event.reason === "wrong_secret")).toHaveLength(10);
    const limited = events.filter((event) => event.reason === "rate_limited");
    // The first 429 as itself, the other 14 as one summary (written at the flush).
    expect(limited).toHaveLength(2);
    expect(limited[0]).toMatchObject({
      organizationId: tenant.organizationId,
      targetId: tenant.client.clientId,
      details: { endpoint: "token", retryAfterSeconds: expect.any(Number) },
    });
    expect(limited[1]).toMatchObject({
      organizationId: tenant.organizationId,
      targetId: tenant.client.clientId,
      details: { repeats: 14 },
    });
  });

  it("records introspection and revocation calls by the calling client, naming only its organization's tokens", async () => {
    const tenant = await createTenantWithClient();
    const other = await createTenantWithClient();
    const db = await getDb();
    const { client: sibling, secret: siblingSecret } = await createClient(
      db,
      tenant.organizationId,
      tenant.actor,
      {
        name: "Sibling",
        permissions: ["cases:read"],
      },
    );
    const ip = freshAddress();
    const token = await tokenOf(await tokenCall(ip, tenant.client.clientId, tenant.secret));
    const foreign = await tokenOf(await tokenCall(ip, other.client.clientId, other.secret));
    const siblings = await tokenOf(await tokenCall(ip, sibling.clientId, siblingSecret));
    secrets.push(tenant.secret, other.secret, siblingSecret, token, foreign, siblings);
    const jtiOf = (jwt: string) =>
      JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()).jti;
    const auth = { authorization: basicAuth(tenant.client.clientId, tenant.secret) };

    const since = (await eventsFrom(ip)).length;
    await call(handleIntrospectionRequest, "/api/oauth/introspect", ip, { token }, auth);
    await call(handleIntrospectionRequest, "/api/oauth/introspect", ip, { token: foreign }, auth);
    await call(handleRevocationRequest, "/api/oauth/revoke", ip, { token: siblings }, auth);
    await call(handleRevocationRequest, "/api/oauth/revoke", ip, { token }, auth);
    await call(handleIntrospectionRequest, "/api/oauth/introspect", ip, { token }, auth);

    const calls = (await eventsFrom(ip)).slice(since);
    const byClient = {
      organizationId: tenant.organizationId,
      actorType: "client",
      actorId: tenant.client.id,
      ip,
      userAgent: TEST_USER_AGENT,
      outcome: "success",
    };
    expect(calls).toMatchObject([
      { ...byClient, action: "access_token.introspected", targetId: jtiOf(token), details: { active: true } },
      { ...byClient, action: "access_token.introspected", targetId: null, details: { active: false } },
      // A sibling client's token is not the caller's to revoke: nothing revoked, none named.
      {
        ...byClient,
        action: "access_token.revocation_requested",
        targetId: null,
        details: { revoked: false },
      },
      {
        ...byClient,
        action: "access_token.revocation_requested",
        targetId: jtiOf(token),
        details: { revoked: true },
      },
      {
        ...byClient,
        action: "access_token.introspected",
        targetId: jtiOf(token),
        details: { active: false },
      },
    ]);
    expect(JSON.stringify(calls)).not.toContain(jtiOf(foreign));
  });
});
