import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type AuditActor, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { encodeGcmParts, gcmSeal } from "@/lib/crypto/aes-gcm";
import { installationKeyIdOf, openWithInstallationKey } from "@/lib/crypto/envelope-encryption";
import {
  getInstallationKeyRing,
  type InstallationKeyRing,
  installationKeyFromSecret,
} from "@/lib/crypto/installation-keys";
import { getDb } from "@/lib/db/client";
import { auditEvents, organizationDataKeys, signingKeys } from "@/lib/db/schema";
import { issueAccessToken, verifyAccessToken } from "@/lib/oauth/access-token";
import { getKeyRing, invalidateKeyRing, signingKeyContext } from "@/lib/oauth/signing-keys";
import { CredentialSecretsUnreadableError } from "@/lib/outbound-credentials/credential-errors";
import { revealCredentialSecrets } from "@/lib/outbound-credentials/reveal-credential-secrets";
import { newInstallationSecret, withInstallationKeys } from "@/lib/testing/installation-key-test-support";
import { standaloneIssuance } from "@/lib/testing/oauth-test-support";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { InstallationKeyUnavailableError, rotateInstallationKey } from "./rotate-installation-key";

const OPERATOR: AuditActor = { type: "system", id: null, label: "ops (keys:rotate-encryption)", ip: null };

async function revealsBoth(
  organizationId: string,
  credentialId: string,
  apiKey: string,
  clientSecret: string,
) {
  const revealed = await revealCredentialSecrets(await getDb(), organizationId, credentialId);
  expect(revealed?.apiKey).toBe(apiKey);
  expect(revealed?.clientSecret).toBe(clientSecret);
}

async function signsAndVerifiesTokens() {
  invalidateKeyRing();
  await getKeyRing();
  const { token } = await issueAccessToken({
    clientId: "lkc_rotation",
    organizationId: randomUUID(),
    partnerId: "p",
    scopes: ["cases:read"],
    lifetimeSeconds: 60,
    issuance: standaloneIssuance(),
  });
  expect((await verifyAccessToken(token)).ok).toBe(true);
}

async function sealedState() {
  const db = await getDb();
  return {
    dataKeys: await db.select().from(organizationDataKeys),
    signingKeys: await db
      .select({ kid: signingKeys.kid, sealed: signingKeys.encryptedPrivateKey })
      .from(signingKeys),
  };
}

function ring(current: InstallationKeyRing["current"], previous: InstallationKeyRing["previous"] = null) {
  return { current, previous };
}

describe("rotating the installation key", () => {
  it("re-wraps every data key and re-seals every signing key, so that processes holding only the new key read everything", async () => {
    const db = await getDb();
    const oldKey = getInstallationKeyRing().current;
    const newKey = installationKeyFromSecret(newInstallationSecret());
    const both = ring(newKey, oldKey);
    const newOnly = ring(newKey);

    await getKeyRing(); // the installation's signing key exists
    const a = await createCredentialTestTenant();
    const first = await createTestCredential(a.organizationId, a.actor);
    // A signing key sealed before key ids were recorded (format v1), retired long ago.
    const legacyKid = `legacy-${randomUUID()}`;
    const legacyPem = "-----BEGIN PRIVATE KEY-----\nlegacy\n-----END PRIVATE KEY-----\n";
    const sealed = gcmSeal(oldKey.key, Buffer.from(legacyPem), Buffer.from(signingKeyContext(legacyKid)));
    await db.insert(signingKeys).values({
      kid: legacyKid,
      algorithm: "ES256",
      publicJwk: { kty: "EC" },
      encryptedPrivateKey: ["v1", ...encodeGcmParts(sealed)].join("."),
      state: "retired",
      retiredAt: new Date(),
    });
    const b = await createCredentialTestTenant();

    try {
      const second = await withInstallationKeys(both, async () => {
        // A process restarted with both keys reads what the old key sealed, and seals new data keys with the new one.
        await revealsBoth(a.organizationId, first.credential.id, first.apiKey, first.clientSecret);
        return createTestCredential(b.organizationId, b.actor);
      });
      const [bKey] = await db
        .select()
        .from(organizationDataKeys)
        .where(eq(organizationDataKeys.organizationId, b.organizationId));
      expect(bKey?.installationKeyId).toBe(newKey.id);

      const rotation = await withInstallationKeys(both, () => rotateInstallationKey(db, OPERATOR));
      expect(rotation.installationKeyId).toBe(newKey.id);
      expect(rotation.replacedKeyIds).toEqual(expect.arrayContaining([oldKey.id, "unlabelled (v1)"]));
      expect(rotation.replacedKeyIds).not.toContain(newKey.id);
      expect(rotation.dataKeysRewrapped).toBeGreaterThanOrEqual(1);
      expect(rotation.signingKeysResealed).toBeGreaterThanOrEqual(2);

      const after = await sealedState();
      for (const row of after.dataKeys) {
        expect(row.installationKeyId).toBe(newKey.id);
        expect(installationKeyIdOf(row.wrappedKey)).toBe(newKey.id);
      }
      for (const row of after.signingKeys) expect(installationKeyIdOf(row.sealed)).toBe(newKey.id);
      const [aKey] = after.dataKeys.filter((row) => row.organizationId === a.organizationId);
      expect(aKey?.rewrappedAt).toBeInstanceOf(Date);

      await withInstallationKeys(newOnly, async () => {
        await revealsBoth(a.organizationId, first.credential.id, first.apiKey, first.clientSecret);
        await revealsBoth(b.organizationId, second.credential.id, second.apiKey, second.clientSecret);
        await signsAndVerifiesTokens();
        const legacy = after.signingKeys.find((row) => row.kid === legacyKid);
        expect(openWithInstallationKey(legacy?.sealed ?? "", signingKeyContext(legacyKid)).toString()).toBe(
          legacyPem,
        );
      });
      // Still holding both keys, as processes do until they are restarted with only the new one.
      await withInstallationKeys(both, () =>
        revealsBoth(b.organizationId, second.credential.id, second.apiKey, second.clientSecret),
      );

      for (const tenant of [a, b]) {
        const events = await db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.organizationId, tenant.organizationId));
        const rotated = events.filter((event) => event.action === "installation_key.rotated");
        expect(rotated).toHaveLength(1);
        expect(rotated[0]).toMatchObject({
          actorType: "system",
          actorLabel: OPERATOR.label,
          targetType: "installation_key",
          targetId: newKey.id,
          outcome: "success",
          details: {
            replacedKeyIds: rotation.replacedKeyIds,
            organizationDataKeysRewrapped: tenant === a ? 1 : 0,
            signingKeysResealed: rotation.signingKeysResealed,
          },
        });
      }

      // Again: nothing is left under another key, so nothing changes and nothing more is audited.
      const again = await withInstallationKeys(both, () => rotateInstallationKey(db, OPERATOR));
      expect(again).toEqual({
        installationKeyId: newKey.id,
        replacedKeyIds: [],
        dataKeysRewrapped: 0,
        signingKeysResealed: 0,
      });
      expect(await sealedState()).toEqual(after);
      const events = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.organizationId, a.organizationId));
      expect(events.filter((event) => event.action === "installation_key.rotated")).toHaveLength(1);
    } finally {
      // Give the rest of the suite back the key it runs with.
      await withInstallationKeys(ring(oldKey, newKey), () => rotateInstallationKey(db, SYSTEM_ACTOR));
      await db.delete(signingKeys).where(eq(signingKeys.kid, legacyKid));
      invalidateKeyRing();
    }
    await revealsBoth(a.organizationId, first.credential.id, first.apiKey, first.clientSecret);
    await signsAndVerifiesTokens();
  });

  it("changes nothing when a value opens with neither key, and a process with a wrong key reports instead of crashing", async () => {
    const db = await getDb();
    const tenant = await createCredentialTestTenant();
    const { credential } = await createTestCredential(tenant.organizationId, tenant.actor);
    const before = await sealedState();
    const strangers = ring(
      installationKeyFromSecret(newInstallationSecret()),
      installationKeyFromSecret(newInstallationSecret()),
    );

    const refused = await withInstallationKeys(strangers, () =>
      rotateInstallationKey(db, OPERATOR).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    expect(refused).toBeInstanceOf(InstallationKeyUnavailableError);
    const unreadable = (refused as InstallationKeyUnavailableError).unreadable;
    expect(unreadable.length).toBe(before.dataKeys.length + before.signingKeys.length);
    expect(unreadable).toContainEqual({
      what: `data key 1 of organization ${tenant.organizationId}`,
      reason: "unknown_key",
      keyId: getInstallationKeyRing().current.id,
    });
    expect((refused as Error).message).toContain("Nothing was changed.");
    expect(await sealedState()).toEqual(before);

    const auditBefore = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, tenant.organizationId));
    expect(auditBefore.some((event) => event.action === "installation_key.rotated")).toBe(false);

    await withInstallationKeys(strangers, async () => {
      await expect(
        revealCredentialSecrets(db, tenant.organizationId, credential.id, tenant.actor),
      ).rejects.toBeInstanceOf(CredentialSecretsUnreadableError);
    });
    const failures = (
      await db.select().from(auditEvents).where(eq(auditEvents.organizationId, tenant.organizationId))
    ).filter((event) => event.action === "outbound_credential.decrypt_failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      actorId: tenant.actor.id,
      targetId: credential.id,
      outcome: "failure",
      details: {
        name: credential.name,
        failures: [
          { field: "apiKey", reason: "unknown_key" },
          { field: "clientSecret", reason: "unknown_key" },
        ],
      },
    });
  });
});
