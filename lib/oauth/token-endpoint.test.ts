import { describe, expect, it } from "vitest";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { generateSecret } from "@/lib/crypto/secret-format";
import { getDb } from "@/lib/db/client";
import { basicAuth, createTenantWithClient, formRequest, TEST_IP } from "@/lib/testing/oauth-test-support";
import { verifyAccessToken } from "./access-token";
import { handleTokenRequest } from "./token-endpoint";

type ErrorBody = { error: string; error_description: string };

async function tokenCall(
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
  ip = TEST_IP,
  path = "/api/oauth/token",
) {
  const response = await handleTokenRequest(formRequest(path, body, headers), ip);
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/oauth/token", () => {
  it("issues an RFC 9068 access token with client_secret_basic", async () => {
    const { client, secret, organization } = await createTenantWithClient(["cases:read", "evidence:read"]);
    const { response, body } = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basicAuth(client.clientId, secret) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "cases:read evidence:read" });
    const verified = await verifyAccessToken(String(body.access_token));
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.claims).toMatchObject({
      sub: client.clientId,
      client_id: client.clientId,
      org_id: organization.id,
      partner_id: organization.partnerId,
    });
    const header = JSON.parse(
      Buffer.from(String(body.access_token).split(".")[0] ?? "", "base64url").toString(),
    );
    expect(header).toMatchObject({ alg: "ES256", typ: "at+jwt" });
  });

  it("accepts client_secret_post and narrows the grant to a requested scope", async () => {
    const { client, secret } = await createTenantWithClient(["cases:read", "cases:create"]);
    const { response, body } = await tokenCall({
      grant_type: "client_credentials",
      client_id: client.clientId,
      client_secret: secret,
      scope: "cases:read",
    });
    expect(response.status).toBe(200);
    expect(body.scope).toBe("cases:read");
  });

  it("decodes Basic credentials form-urlencoded, as RFC 6749 Appendix B asks", async () => {
    const { client, secret } = await createTenantWithClient();
    // A client ID and secret sent with every character percent-encoded must still work.
    const encodeAll = (value: string) =>
      [...value].map((character) => `%${character.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
    const authorization = `Basic ${Buffer.from(`${encodeAll(client.clientId)}:${encodeAll(secret)}`).toString("base64")}`;
    const { response } = await tokenCall({ grant_type: "client_credentials" }, { authorization });
    expect(response.status).toBe(200);
  });

  it.each([
    ["a JSON body", "json", 400, "invalid_request"],
    ["a missing grant_type", "no-grant", 400, "invalid_request"],
    ["a repeated parameter", "repeat", 400, "invalid_request"],
    ["an unsupported grant", "password-grant", 400, "unsupported_grant_type"],
    ["both Basic and client_secret", "both", 400, "invalid_request"],
    ["the secret in the query", "query", 400, "invalid_request"],
    ["a wrong secret via Basic", "wrong-basic", 401, "invalid_client"],
    ["a wrong secret via post", "wrong-post", 401, "invalid_client"],
    ["no client authentication", "none", 401, "invalid_client"],
    ["an unknown scope", "bad-scope", 400, "invalid_scope"],
    ["a scope outside the grant", "outside-scope", 400, "invalid_scope"],
  ])("refuses %s", async (_label, variant, status, error) => {
    const { client, secret } = await createTenantWithClient(["cases:read"]);
    const basic = { authorization: basicAuth(client.clientId, secret) };
    const cases: Record<string, () => Promise<Response>> = {
      json: () =>
        handleTokenRequest(
          new Request("http://localhost/api/oauth/token", {
            method: "POST",
            headers: { "content-type": "application/json", ...basic },
            body: JSON.stringify({ grant_type: "client_credentials" }),
          }),
          TEST_IP,
        ),
      "no-grant": () => handleTokenRequest(formRequest("/api/oauth/token", {}, basic), TEST_IP),
      repeat: () =>
        handleTokenRequest(
          formRequest(
            "/api/oauth/token",
            "grant_type=client_credentials&grant_type=client_credentials",
            basic,
          ),
          TEST_IP,
        ),
      "password-grant": () =>
        handleTokenRequest(formRequest("/api/oauth/token", { grant_type: "password" }, basic), TEST_IP),
      both: () =>
        handleTokenRequest(
          formRequest("/api/oauth/token", { grant_type: "client_credentials", client_secret: secret }, basic),
          TEST_IP,
        ),
      query: () =>
        handleTokenRequest(
          formRequest(
            `/api/oauth/token?client_secret=${secret}`,
            { grant_type: "client_credentials" },
            basic,
          ),
          TEST_IP,
        ),
      "wrong-basic": () =>
        handleTokenRequest(
          formRequest(
            "/api/oauth/token",
            { grant_type: "client_credentials" },
            {
              authorization: basicAuth(
                client.clientId,
                `${secret.slice(0, -1)}${secret.endsWith("x") ? "y" : "x"}`,
              ),
            },
          ),
          TEST_IP,
        ),
      "wrong-post": () =>
        handleTokenRequest(
          formRequest("/api/oauth/token", {
            grant_type: "client_credentials",
            client_id: client.clientId,
            client_secret: "lk_cs_nonsense",
          }),
          TEST_IP,
        ),
      none: () =>
        handleTokenRequest(formRequest("/api/oauth/token", { grant_type: "client_credentials" }), TEST_IP),
      "bad-scope": () =>
        handleTokenRequest(
          formRequest("/api/oauth/token", { grant_type: "client_credentials", scope: "payroll:read" }, basic),
          TEST_IP,
        ),
      "outside-scope": () =>
        handleTokenRequest(
          formRequest("/api/oauth/token", { grant_type: "client_credentials", scope: "cases:delete" }, basic),
          TEST_IP,
        ),
    };
    const response = await (cases[variant] ?? (() => Promise.reject(new Error(variant))))();
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as ErrorBody;
    expect(Object.keys(body).sort()).toEqual(["error", "error_description"]);
    expect(body.error).toBe(error);
    if (status === 401) expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="Latchkey"/);
  });

  it("refuses a disabled client and an organization on the free plan", async () => {
    const tenant = await createTenantWithClient();
    await setClientStatus(await getDb(), tenant.organizationId, tenant.actor, {
      clientId: tenant.client.clientId,
      status: "disabled",
    });
    const disabled = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basicAuth(tenant.client.clientId, tenant.secret) },
    );
    expect(disabled.response.status).toBe(401);
    expect(disabled.body.error).toBe("invalid_client");

    const downgraded = await createTenantWithClient();
    const { organizations } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    await (await getDb())
      .update(organizations)
      .set({ plan: "free" })
      .where(eq(organizations.id, downgraded.organizationId));
    const free = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basicAuth(downgraded.client.clientId, downgraded.secret) },
    );
    expect(free.response.status).toBe(400);
    expect(free.body).toEqual({
      error: "unauthorized_client",
      error_description: "API access is not included in the organization's plan",
    });
  });

  it("enforces the IP allow-list on the TCP peer, whatever X-Forwarded-For claims", async () => {
    const { client, secret } = await createTenantWithClient(["cases:read"], {
      allowedIps: ["203.0.113.0/24"],
    });
    const { getDb: db } = await import("@/lib/db/client");
    const { organizations, apiClients } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    const database = await db();
    const [row] = await database
      .select({ organizationId: apiClients.organizationId })
      .from(apiClients)
      .where(eq(apiClients.clientId, client.clientId));
    await database
      .update(organizations)
      .set({ restrictApiByIp: true })
      .where(eq(organizations.id, row?.organizationId ?? ""));
    const headers = { authorization: basicAuth(client.clientId, secret), "x-forwarded-for": "203.0.113.5" };
    const outside = await tokenCall({ grant_type: "client_credentials" }, headers, "198.51.100.99");
    expect(outside.response.status).toBe(400);
    expect(outside.body).toEqual({
      error: "unauthorized_client",
      error_description: "Requests from this address are not allowed for this client",
    });
    const inside = await tokenCall({ grant_type: "client_credentials" }, headers, "203.0.113.77");
    expect(inside.response.status).toBe(200);

    // Introspection and revocation apply the same address policy as the token endpoint.
    const { handleIntrospectionRequest } = await import("./introspection-endpoint");
    const introspection = await handleIntrospectionRequest(
      formRequest(
        "/api/oauth/introspect",
        { token: String(inside.body.access_token) },
        { authorization: basicAuth(client.clientId, secret) },
      ),
      "198.51.100.99",
    );
    expect(introspection.status).toBe(400);
    expect(await introspection.json()).toMatchObject({ error: "unauthorized_client" });
  });

  it("answers 429 with Retry-After to wrong secrets after repeated failures, never to the right one", async () => {
    const { client, secret } = await createTenantWithClient();
    const attacker = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const wrong = { authorization: basicAuth(client.clientId, generateSecret("client_secret")) };
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await tokenCall({ grant_type: "client_credentials" }, wrong, attacker)).response.status).toBe(
        401,
      );
    }
    const limited = await tokenCall({ grant_type: "client_credentials" }, wrong, attacker);
    expect(limited.response.status).toBe(429);
    expect(limited.body).toMatchObject({ error: "invalid_client" });
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Someone else's guesses do not lock the real client out, wherever it calls from.
    const sameAddress = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basicAuth(client.clientId, secret) },
      attacker,
    );
    expect(sameAddress.response.status).toBe(200);
    const legitimate = await tokenCall(
      { grant_type: "client_credentials" },
      { authorization: basicAuth(client.clientId, secret) },
      "198.51.100.3",
    );
    expect(legitimate.response.status).toBe(200);
  });
});
