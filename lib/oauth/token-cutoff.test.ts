import { randomUUID, sign } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/clients/create-client";
import { endSecretGrace } from "@/lib/clients/end-secret-grace";
import { setClientStatus } from "@/lib/clients/set-client-status";
import { getDb } from "@/lib/db/client";
import { apiClientSecrets } from "@/lib/db/schema";
import { currentSecretIdFor, rotateCurrentSecret } from "@/lib/testing/client-test-support";
import {
  accessTokenFor,
  basicAuth,
  casesStatusWith,
  createTenantWithClient,
  formRequest,
  TEST_IP,
} from "@/lib/testing/oauth-test-support";
import { handleIntrospectionRequest } from "./introspection-endpoint";
import { getKeyRing } from "./signing-keys";

/**
 * A tenant with the client under test and a second client of the same organization that asks
 * the introspection endpoint about the first one's tokens (a disabled client cannot ask itself).
 */
async function tenantWithIntrospector() {
  const tenant = await createTenantWithClient(["cases:read"]);
  const db = await getDb();
  const introspector = await createClient(db, tenant.organizationId, tenant.actor, { name: "Gateway" });
  const active = async (token: string) => {
    const response = await handleIntrospectionRequest(
      formRequest(
        "/api/oauth/introspect",
        { token },
        { authorization: basicAuth(introspector.client.clientId, introspector.secret) },
      ),
      TEST_IP,
    );
    return ((await response.json()) as { active: boolean }).active;
  };
  return { ...tenant, db, active };
}

describe("access tokens end with what issued them", () => {
  it("rotation without grace refuses every earlier token at once; tokens of the new secret work", async () => {
    const { db, organizationId, actor, client, secret, active } = await tenantWithIntrospector();
    const earlier = await accessTokenFor(client.clientId, secret);
    expect(await casesStatusWith(earlier)).toBe(200);
    const rotated = await rotateCurrentSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "none",
    });
    expect(await casesStatusWith(earlier)).toBe(401);
    expect(await active(earlier)).toBe(false);
    // Issued in the same second as the rotation, and still good.
    const later = await accessTokenFor(client.clientId, rotated?.secret ?? "");
    expect(await casesStatusWith(later)).toBe(200);
    expect(await active(later)).toBe(true);
  });

  it("rotation with grace keeps the old secret's tokens until the grace period ends", async () => {
    const { db, organizationId, actor, client, secret, active } = await tenantWithIntrospector();
    const oldSecretToken = await accessTokenFor(client.clientId, secret);
    await rotateCurrentSecret(db, organizationId, actor, { clientId: client.clientId, grace: "24h" });
    const stillOldSecret = await accessTokenFor(client.clientId, secret);
    expect(await casesStatusWith(oldSecretToken)).toBe(200);
    expect(await casesStatusWith(stillOldSecret)).toBe(200);
    await db
      .update(apiClientSecrets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(
        sql`${apiClientSecrets.apiClientId} = ${client.id} and ${apiClientSecrets.expiresAt} is not null`,
      );
    expect(await casesStatusWith(oldSecretToken)).toBe(401);
    expect(await casesStatusWith(stillOldSecret)).toBe(401);
    expect(await active(stillOldSecret)).toBe(false);
  });

  it("ending a grace period early, by hand or by rotating again, refuses the old secret's tokens", async () => {
    const { db, organizationId, actor, client, secret, active } = await tenantWithIntrospector();
    const first = await accessTokenFor(client.clientId, secret);
    const second = await rotateCurrentSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "7d",
    });
    const secondSecretToken = await accessTokenFor(client.clientId, second?.secret ?? "");
    // Rotating again while the first secret is in grace revokes it: its tokens end with it.
    const third = await rotateCurrentSecret(db, organizationId, actor, {
      clientId: client.clientId,
      grace: "7d",
    });
    expect(await casesStatusWith(first)).toBe(401);
    expect(await casesStatusWith(secondSecretToken)).toBe(200);
    // "Stop now" on the secret in grace.
    const inGrace = (
      await db
        .select({ id: apiClientSecrets.id })
        .from(apiClientSecrets)
        .where(sql`${apiClientSecrets.apiClientId} = ${client.id} and ${apiClientSecrets.revokedAt} is null
          and ${apiClientSecrets.expiresAt} is not null`)
    )[0];
    await endSecretGrace(db, organizationId, actor, {
      clientId: client.clientId,
      secretId: inGrace?.id ?? "",
    });
    expect(await casesStatusWith(secondSecretToken)).toBe(401);
    expect(await active(secondSecretToken)).toBe(false);
    expect(await casesStatusWith(await accessTokenFor(client.clientId, third?.secret ?? ""))).toBe(200);
  });

  it("disabling refuses every earlier token, also once the client is enabled again", async () => {
    const { db, organizationId, actor, client, secret, active } = await tenantWithIntrospector();
    const earlier = await accessTokenFor(client.clientId, secret);
    expect(await active(earlier)).toBe(true);
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "disabled" });
    expect(await casesStatusWith(earlier)).toBe(401);
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "active" });
    expect(await casesStatusWith(earlier)).toBe(401);
    expect(await active(earlier)).toBe(false);
    // The same secret works again, and a token issued in the same second as the change is good.
    const fresh = await accessTokenFor(client.clientId, secret);
    expect(await casesStatusWith(fresh)).toBe(200);
    expect(await active(fresh)).toBe(true);
    // Enabling an active client, or disabling nothing, cuts nothing.
    await setClientStatus(db, organizationId, actor, { clientId: client.clientId, status: "active" });
    expect(await casesStatusWith(fresh)).toBe(200);
  });

  it("refuses a token bound to a live secret of another client", async () => {
    const { db, organizationId, actor, client, secret } = await tenantWithIntrospector();
    const token = await accessTokenFor(client.clientId, secret);
    const other = await createClient(db, organizationId, actor, {
      name: "Other",
      permissions: ["cases:read"],
    });
    const otherSecretId = await currentSecretIdFor(organizationId, other.client.clientId);
    expect(await casesStatusWith(await resign(token, { lk_sid: otherSecretId }))).toBe(401);
    // The same token re-signed unchanged still works: the refusal is the binding's.
    expect(await casesStatusWith(await resign(token, {}))).toBe(200);
  });
});

/** The token's claims changed and signed again with the current key, as only Latchkey could. */
async function resign(token: string, changes: Record<string, unknown>): Promise<string> {
  const [header = "", payload = ""] = token.split(".");
  const claims = {
    ...JSON.parse(Buffer.from(payload, "base64url").toString()),
    ...changes,
    jti: randomUUID(),
  };
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  const ring = await getKeyRing();
  const signature = sign("sha256", Buffer.from(input), {
    key: ring.current.privateKey,
    dsaEncoding: "ieee-p1363",
  });
  return `${input}.${signature.toString("base64url")}`;
}
