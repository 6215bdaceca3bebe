import { randomUUID } from "node:crypto";
import { createClient } from "@/lib/clients/create-client";
import { getDb } from "@/lib/db/client";
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
