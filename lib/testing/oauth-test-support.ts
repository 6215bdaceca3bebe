import { randomUUID } from "node:crypto";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { createClient } from "@/lib/clients/create-client";
import { getDb } from "@/lib/db/client";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";
import type { Scope } from "@/lib/permissions/catalogue";
import { createClientTestTenant } from "@/lib/testing/client-test-support";

/** Helpers shared by the OAuth and resource API tests (not a test itself). */

export const TEST_IP = "198.51.100.20";

export async function createTenantWithClient(
  permissions: Scope[] = ["cases:read"],
  options: Parameters<typeof createClientTestTenant>[0] & { allowedIps?: string[] } = {},
) {
  const tenant = await createClientTestTenant(options);
  const { client, secret } = await createClient(await getDb(), tenant.organizationId, tenant.actor, {
    name: `Integration ${Math.random().toString(36).slice(2, 8)}`,
    permissions,
    allowedIps: options.allowedIps ?? [],
  });
  return { ...tenant, client, secret };
}

export function basicAuth(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}

export function formRequest(
  path: string,
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
): Request {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: typeof body === "string" ? body : new URLSearchParams(body).toString(),
  });
}

/** What issueAccessToken needs when a test signs a token without a client behind it. */
export function standaloneIssuance() {
  return { secretId: randomUUID(), tokenGeneration: 0, currentSigningKeyId: null };
}

/** An access token from the token endpoint for this client; fails the test if none is issued. */
export async function accessTokenFor(clientId: string, secret: string, ip = TEST_IP): Promise<string> {
  const response = await handleTokenRequest(
    formRequest(
      "/api/oauth/token",
      { grant_type: "client_credentials" },
      { authorization: basicAuth(clientId, secret) },
    ),
    ip,
  );
  if (response.status !== 200) throw new Error(`the token endpoint answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The status of GET /api/v1/cases with a bearer token. */
export async function casesStatusWith(token: string, ip = TEST_IP): Promise<number> {
  const request = new Request("http://localhost:3000/api/v1/cases", {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await handleApiRequest(request, ip, ["cases"])).status;
}
