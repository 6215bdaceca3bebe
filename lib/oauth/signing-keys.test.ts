import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { auditEvents, signingKeys } from "@/lib/db/schema";
import { createTestOrganization } from "@/lib/testing/factories";
import { standaloneIssuance } from "@/lib/testing/oauth-test-support";
import { issueAccessToken, verifyAccessToken } from "./access-token";
import { handleJwksRequest } from "./discovery";
import { RotationTooSoonError, rotateSigningKey } from "./signing-key-rotation";

const LIFETIME = 3600;

async function tokenNow() {
  return (
    await issueAccessToken({
      clientId: "lkc_rotation",
      organizationId: "00000000-0000-4000-8000-000000000002",
      partnerId: "p",
      scopes: ["cases:read"],
      lifetimeSeconds: LIFETIME,
      issuance: standaloneIssuance(),
    })
  ).token;
}

describe("signing key rotation", () => {
  it("keeps the previous key verifying, refuses to retire a key whose tokens may live, and audits every organization", async () => {
    const db = await getDb();
    const { organization } = await createTestOrganization();
    const before = await tokenNow();
    const start = new Date(Date.now() + 10 * LIFETIME * 1000); // far enough that earlier rotations are safe
    const first = await rotateSigningKey(db, SYSTEM_ACTOR, LIFETIME, start);
    expect((await verifyAccessToken(before)).ok).toBe(true);
    const after = await tokenNow();
    const header = JSON.parse(Buffer.from(after.split(".")[0] ?? "", "base64url").toString()) as {
      kid: string;
    };
    expect(header.kid).toBe(first);
    const jwks = (await (await handleJwksRequest()).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys.map((key) => key.kid)).toContain(first);

    await expect(rotateSigningKey(db, SYSTEM_ACTOR, LIFETIME, new Date())).rejects.toBeInstanceOf(
      RotationTooSoonError,
    );
    const [current] = await db
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(eq(signingKeys.state, "current"));
    expect(current?.kid).toBe(first);

    // Once the key a token was signed with is retired, the token fails, even if it was verified before.
    const later = new Date(start.getTime() + 10 * LIFETIME * 1000);
    const { token: signedByFirst } = await issueAccessToken({
      clientId: "lkc_rotation",
      organizationId: "00000000-0000-4000-8000-000000000002",
      partnerId: "p",
      scopes: ["cases:read"],
      lifetimeSeconds: LIFETIME,
      issuance: standaloneIssuance(),
    });
    expect((await verifyAccessToken(signedByFirst)).ok).toBe(true);
    await rotateSigningKey(db, SYSTEM_ACTOR, LIFETIME, later);
    expect((await verifyAccessToken(signedByFirst)).ok).toBe(true);
    await rotateSigningKey(db, SYSTEM_ACTOR, LIFETIME, new Date(later.getTime() + 10 * LIFETIME * 1000));
    expect(await verifyAccessToken(signedByFirst)).toEqual({
      ok: false,
      reason: "The token was not signed by a current key",
    });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.organizationId, organization.id));
    expect(events.map((event) => [event.action, event.targetId])).toContainEqual([
      "signing_key.rotated",
      first,
    ]);
  });
});
