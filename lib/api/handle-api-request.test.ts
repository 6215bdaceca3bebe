import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deleteClient } from "@/lib/clients/delete-client";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { updateClient } from "@/lib/clients/update-client";
import { getDb } from "@/lib/db/client";
import { apiClients, cases, organizations } from "@/lib/db/schema";
import { handleRevocationRequest } from "@/lib/oauth/revocation-endpoint";
import { rotateCurrentSecret } from "@/lib/testing/client-test-support";
import {
  accessTokenFor,
  basicAuth,
  createTenantWithClient,
  formRequest,
} from "@/lib/testing/oauth-test-support";
import { flushApiRequestLog, listClientApiRequests } from "@/lib/usage/api-request-log";
import { handleApiRequest } from "./handle-api-request";

const IP = "198.51.100.40";

function get(path: string, headers: Record<string, string>, ip = IP) {
  const request = new Request(`http://localhost:3000/api/v1/${path}`, { headers });
  return handleApiRequest(request, ip, new URL(request.url).pathname.split("/").slice(3));
}

function post(path: string, headers: Record<string, string>, body: unknown) {
  const request = new Request(`http://localhost:3000/api/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return handleApiRequest(request, IP, path.split("/"));
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("resource API authentication", () => {
  it("reads with a bearer token, and refuses writes outside its scope with insufficient_scope", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const token = await accessTokenFor(tenant.client.clientId, tenant.secret);
    const read = await get("cases?limit=5", bearer(token));
    expect(read.status).toBe(200);
    const write = await post("cases", bearer(token), { number: "X-1", title: "Nope" });
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(write.headers.get("www-authenticate")).toContain('scope="cases:create"');
  });

  it("accepts api-key and api-secret headers with the client's permissions", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const headers = { "api-key": tenant.client.clientId, "api-secret": tenant.secret };
    expect((await get("cases", headers)).status).toBe(200);
    expect((await get("devices", headers)).status).toBe(403);
    const wrong = await get("cases", {
      "api-key": tenant.client.clientId,
      "api-secret": `${tenant.secret.slice(0, -2)}${tenant.secret.endsWith("zz") ? "yy" : "zz"}`,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it.each([
    ["no credentials", {}, 'Bearer realm="Latchkey"'],
    ["a malformed token", { authorization: "Bearer abc.def" }, 'error="invalid_token"'],
    ["another scheme", { authorization: "Token abc" }, 'error="invalid_token"'],
  ])("answers 401 problem+json for %s", async (_label, headers, challenge) => {
    const response = await get("cases", headers);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toContain(challenge);
  });

  it("makes revocation immediate: revoked token, reduced permissions, disabled, rotated and deleted clients", async () => {
    const tenant = await createTenantWithClient(["cases:read", "devices:read"]);
    const db = await getDb();
    const { clientId } = tenant.client;

    const revoked = await accessTokenFor(clientId, tenant.secret);
    expect((await get("cases", bearer(revoked))).status).toBe(200);
    await handleRevocationRequest(
      formRequest(
        "/api/oauth/revoke",
        { token: revoked },
        { authorization: basicAuth(clientId, tenant.secret) },
      ),
      IP,
    );
    expect((await get("cases", bearer(revoked))).status).toBe(401);

    const token = await accessTokenFor(clientId, tenant.secret);
    await updateClient(db, tenant.organizationId, tenant.actor, { clientId, permissions: ["cases:read"] });
    expect((await get("devices", bearer(token))).status).toBe(403);
    expect((await get("cases", bearer(token))).status).toBe(200);

    await setClientStatus(db, tenant.organizationId, tenant.actor, { clientId, status: "disabled" });
    expect((await get("cases", bearer(token))).status).toBe(401);
    expect((await get("cases", { "api-key": clientId, "api-secret": tenant.secret })).status).toBe(401);
    await setClientStatus(db, tenant.organizationId, tenant.actor, { clientId, status: "active" });
    // Enabling again restores the secret, not the tokens issued before the client was disabled.
    expect((await get("cases", bearer(token))).status).toBe(401);
    expect((await get("cases", bearer(await accessTokenFor(clientId, tenant.secret)))).status).toBe(200);

    const rotated = await rotateCurrentSecret(db, tenant.organizationId, tenant.actor, {
      clientId,
      grace: "none",
    });
    expect((await get("cases", { "api-key": clientId, "api-secret": tenant.secret })).status).toBe(401);
    expect((await get("cases", { "api-key": clientId, "api-secret": rotated?.secret ?? "" })).status).toBe(
      200,
    );

    const beforeDeletion = await accessTokenFor(clientId, rotated?.secret ?? "");
    expect((await get("cases", bearer(beforeDeletion))).status).toBe(200);
    await deleteClient(db, tenant.organizationId, tenant.actor, {
      clientId,
      confirmationName: tenant.client.name,
    });
    expect((await get("cases", bearer(beforeDeletion))).status).toBe(401);
  });

  it("enforces the allow-list on the address the server decided, ignoring X-Forwarded-For", async () => {
    const tenant = await createTenantWithClient(["cases:read"], { allowedIps: ["203.0.113.0/24"] });
    const db = await getDb();
    const token = await accessTokenFor(tenant.client.clientId, tenant.secret);
    await db
      .update(organizations)
      .set({ restrictApiByIp: true })
      .where(eq(organizations.id, tenant.organizationId));
    const spoofed = {
      ...bearer(token),
      "x-forwarded-for": "203.0.113.9",
      "x-real-ip": "203.0.113.9",
      forwarded: "for=203.0.113.9",
    };
    const refused = await get("cases", spoofed, "198.51.100.7");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toBe(
      'Bearer realm="Latchkey", error_description="Requests from this address are not allowed for this client"',
    );
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "Requests from this address are not allowed for this client",
    );
    expect((await get("cases", bearer(token), "203.0.113.50")).status).toBe(200);
    // The refusal is recorded in the client's API log, with the address that was refused.
    await flushApiRequestLog();
    const log = await listClientApiRequests(db, tenant.organizationId, tenant.client.clientId);
    expect(log.map((row) => [row.status, row.ip])).toContainEqual([403, "198.51.100.7"]);
    expect(
      (await get("cases", { "api-key": tenant.client.clientId, "api-secret": tenant.secret }, "198.51.100.7"))
        .status,
    ).toBe(403);
  });

  it("returns 404 for another organization's IDs", async () => {
    const mine = await createTenantWithClient(["cases:read"]);
    const theirs = await createTenantWithClient(["cases:read"]);
    const db = await getDb();
    const [foreign] = await db
      .insert(cases)
      .values({ organizationId: theirs.organizationId, number: "T-1", title: "Theirs" })
      .returning();
    const token = await accessTokenFor(mine.client.clientId, mine.secret);
    expect((await get(`cases/${foreign?.id}`, bearer(token))).status).toBe(404);
    const ownToken = await accessTokenFor(theirs.client.clientId, theirs.secret);
    expect((await get(`cases/${foreign?.id}`, bearer(ownToken))).status).toBe(200);
  });

  it("refuses an organization moved to the free plan", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const token = await accessTokenFor(tenant.client.clientId, tenant.secret);
    const db = await getDb();
    await db.update(organizations).set({ plan: "free" }).where(eq(organizations.id, tenant.organizationId));
    expect((await get("cases", bearer(token))).status).toBe(403);
  });

  it("records each call in the API audit log of the client, and keeps last used current", async () => {
    const tenant = await createTenantWithClient(["cases:read"]);
    const token = await accessTokenFor(tenant.client.clientId, tenant.secret);
    await get("cases?limit=1", bearer(token));
    await get("devices", bearer(token));
    await flushApiRequestLog();
    const db = await getDb();
    const log = await listClientApiRequests(db, tenant.organizationId, tenant.client.clientId);
    expect(log.map((row) => [row.method, row.path, row.status, row.ip]).sort()).toEqual([
      ["GET", "/api/v1/cases", 200, IP],
      ["GET", "/api/v1/devices", 403, IP],
    ]);
    const { flushClientUse } = await import("@/lib/usage/client-last-used");
    await flushClientUse();
    const [client] = await db
      .select({ lastUsedAt: apiClients.lastUsedAt })
      .from(apiClients)
      .where(eq(apiClients.clientId, tenant.client.clientId));
    expect(client?.lastUsedAt).not.toBeNull();
  });

  it("serves the OpenAPI document without authentication", async () => {
    const response = await get("openapi.json", {});
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string };
    expect(document.openapi).toBe("3.1.0");
  });
});
