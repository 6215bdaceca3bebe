import { eq } from "drizzle-orm";
import { handleApiRequest } from "@/lib/api/handle-api-request";
import { hashPassword } from "@/lib/crypto/password";
import { getDb } from "@/lib/db/client";
import { organizations, type SecurityLevel } from "@/lib/db/schema";
import type { Scope } from "@/lib/permissions/catalogue";
import { createTestUser } from "@/lib/testing/factories";
import { accessTokenFor, createTenantWithClient } from "@/lib/testing/oauth-test-support";
import { createLegacyKey } from "@/lib/tokens/legacy-keys";
import { createPersonalToken, type TokenActor } from "@/lib/tokens/token-commands";
import type { CreateTokenInput } from "@/lib/tokens/token-schemas";

/** Helpers shared by the tests of credentials that act as a person (not a test itself). */

export const PERSON_IP = "198.51.100.60";
export const PERSON_PASSWORD = "Correct-Horse-Battery-Staple-1";

let passwordHash: Promise<string> | undefined;
const personPasswordHash = () => {
  passwordHash ??= hashPassword(PERSON_PASSWORD);
  return passwordHash;
};

export function actorFor(organizationId: string, user: { id: string; email: string }): TokenActor {
  return {
    organizationId,
    userId: user.id,
    audit: { type: "user", id: user.id, label: user.email, ip: "203.0.113.7" },
  };
}

/**
 * An organization with an API client (and its access token) and a person with a password in
 * the Investigator role (cases:read), holding a personal token; at Legacy also a legacy key.
 */
export async function createPersonTenant(options: { level?: SecurityLevel; rolePermissions?: Scope[] } = {}) {
  const tenant = await createTenantWithClient(["cases:read"]);
  const db = await getDb();
  const level = options.level ?? "high";
  await db
    .update(organizations)
    .set({ securityLevel: "legacy" })
    .where(eq(organizations.id, tenant.organizationId));
  const person = await createTestUser(
    tenant.organizationId,
    tenant.memberRole.id,
    "person",
    await personPasswordHash(),
  );
  const actor = actorFor(tenant.organizationId, person);
  const legacyKey = await createLegacyKey(db, actor);
  const token = await issueToken(actor);
  await setLevel(tenant.organizationId, level);
  const accessToken = await tokenFor(tenant.client.clientId, tenant.secret);
  return { ...tenant, person, actor, legacyKey, token, accessToken };
}

export async function issueToken(actor: TokenActor, input: Partial<CreateTokenInput> = {}): Promise<string> {
  const issued = await createPersonalToken(await getDb(), actor, {
    name: "Script",
    expiration: 30,
    ...input,
  });
  return issued.token;
}

export async function setLevel(organizationId: string, level: SecurityLevel): Promise<void> {
  const db = await getDb();
  await db.update(organizations).set({ securityLevel: level }).where(eq(organizations.id, organizationId));
}

export function tokenFor(clientId: string, secret: string): Promise<string> {
  return accessTokenFor(clientId, secret, PERSON_IP);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const basicPassword = (email: string, password = PERSON_PASSWORD) => ({
  authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`,
});

/** GET /api/v1/{path} through handleApiRequest, as the route adapter calls it. */
export function apiGet(path: string, headers: Record<string, string>, ip = PERSON_IP) {
  const request = new Request(`http://localhost:3000/api/v1/${path}`, { headers });
  return handleApiRequest(request, ip, new URL(request.url).pathname.split("/").slice(3));
}
