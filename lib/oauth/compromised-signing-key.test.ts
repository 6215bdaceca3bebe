import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditEvents, signingKeys } from "@/lib/db/schema";
import { createTestOrganization } from "@/lib/testing/factories";
import {
  accessTokenFor,
  basicAuth,
  casesStatusWith,
  createTenantWithClient,
  formRequest,
  TEST_IP,
} from "@/lib/testing/oauth-test-support";
import { captureKeyRing } from "@/lib/testing/signing-key-test-support";
import { verifyAccessToken } from "./access-token";
import { handleJwksRequest } from "./discovery";
import { handleIntrospectionRequest } from "./introspection-endpoint";
import { replaceCompromisedSigningKeys, rotateSigningKey } from "./signing-key-rotation";

const OPERATOR = { type: "system" as const, id: null, label: "ops (keys:rotate --compromised)", ip: null };

const kidOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()) as { kid: string }).kid;

async function publishedKids(): Promise<string[]> {
  const jwks = (await (await handleJwksRequest()).json()) as { keys: Array<{ kid: string }> };
  return jwks.keys.map((key) => key.kid);
}

async function setUp() {
  const tenant = await createTenantWithClient(["cases:read"]);
  const introspect = async (token: string) => {
    const response = await handleIntrospectionRequest(
      formRequest(
        "/api/oauth/introspect",
        { token },
        { authorization: basicAuth(tenant.client.clientId, tenant.secret) },
      ),
      TEST_IP,
    );
    return ((await response.json()) as { active: boolean }).active;
  };
  // Two keys live, so that both the current and the previous key's tokens are at stake.
  const previousKeyToken = await accessTokenFor(tenant.client.clientId, tenant.secret);
  await rotateSigningKey(await getDb(), OPERATOR, 3600, new Date(Date.now() + 1000 * 86_400 * 365));
  const currentKeyToken = await accessTokenFor(tenant.client.clientId, tenant.secret);
  for (const token of [previousKeyToken, currentKeyToken]) expect(await casesStatusWith(token)).toBe(200);
  expect(kidOf(previousKeyToken)).not.toBe(kidOf(currentKeyToken));
  return { ...tenant, introspect, previousKeyToken, currentKeyToken };
}

describe("a compromised signing key", () => {
  it("is retired at once: its tokens are refused by a process whose key ring and token cache predate it", async () => {
    const { client, secret, introspect, previousKeyToken, currentKeyToken } = await setUp();
    const other = await createTestOrganization();
    const staleProcess = captureKeyRing();

    const { current, retired } = await replaceCompromisedSigningKeys(await getDb(), OPERATOR);
    staleProcess.restore();
    // This process still has both keys in memory and remembers both tokens as verified...
    expect((await verifyAccessToken(currentKeyToken)).ok).toBe(true);
    // ...yet every use is refused, because the key's state is read with the token's state.
    expect([...retired].sort()).toEqual([kidOf(previousKeyToken), kidOf(currentKeyToken)].sort());
    for (const token of [previousKeyToken, currentKeyToken]) {
      expect(await casesStatusWith(token)).toBe(401);
      expect(await introspect(token)).toBe(false);
    }
    // The JWKS publishes only the new key, and the stale process signs with it from its next token on.
    expect(await publishedKids()).toEqual([current]);
    const fresh = await accessTokenFor(client.clientId, secret);
    expect(kidOf(fresh)).toBe(current);
    expect(await casesStatusWith(fresh)).toBe(200);

    const events = await (await getDb())
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.organizationId, [other.organization.id]));
    expect(events.map((event) => [event.action, event.targetId, event.actorLabel])).toContainEqual([
      "signing_key.retired_compromised",
      current,
      OPERATOR.label,
    ]);
    expect(events.find((event) => event.action === "signing_key.retired_compromised")?.details).toEqual({
      retired,
    });
    // An ordinary rotation is possible right after: no earlier key is left to wait for.
    await expect(rotateSigningKey(await getDb(), OPERATOR, 3600)).resolves.toMatch(/^[\w-]{43}$/);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "is retired by `npm run keys:rotate -- --compromised` in another process, refused here on the next request",
    async () => {
      const { client, secret, currentKeyToken } = await setUp();
      const root = path.resolve(import.meta.dirname, "../..");
      const { stdout } = await promisify(execFile)(
        path.join(root, "node_modules/.bin/tsx"),
        [path.join(root, "scripts/rotate-signing-key.ts"), "--compromised"],
        { cwd: root, env: process.env },
      );
      expect(stdout).toContain(`Retired at once: `);
      expect(stdout).toContain(kidOf(currentKeyToken));
      // Nothing told this process: its key ring and verified-token cache are as they were.
      expect((await verifyAccessToken(currentKeyToken)).ok).toBe(true);
      expect(await casesStatusWith(currentKeyToken)).toBe(401);
      const [state] = await (await getDb())
        .select({ state: signingKeys.state })
        .from(signingKeys)
        .where(eq(signingKeys.kid, kidOf(currentKeyToken)));
      expect(state?.state).toBe("retired");
      expect(await publishedKids()).not.toContain(kidOf(currentKeyToken));
      const fresh = await accessTokenFor(client.clientId, secret);
      expect(kidOf(fresh)).not.toBe(kidOf(currentKeyToken));
      expect(await casesStatusWith(fresh)).toBe(200);
    },
  );
});
