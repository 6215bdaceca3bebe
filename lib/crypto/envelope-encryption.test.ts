import { describe, expect, it } from "vitest";
import { ringOf } from "@/lib/testing/installation-key-test-support";
import { encodeGcmParts, gcmSeal } from "./aes-gcm";
import { DecryptionError } from "./decryption-error";
import { installationKeyIdOf, openWithInstallationKey, sealWithInstallationKey } from "./envelope-encryption";
import { installationKeyFromSecret, loadInstallationKeyRing } from "./installation-keys";

const OLD = "old-installation-key-0123456789abcdef0123456789";
const NEW = "new-installation-key-0123456789abcdef0123456789";

function failureOf(run: () => unknown): DecryptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof DecryptionError) return error;
    throw error;
  }
  throw new Error("expected a DecryptionError");
}

/** A value as Latchkey sealed it before key ids: `v1.<iv>.<tag>.<ciphertext>`. */
function legacySeal(secret: string, plaintext: string, context: string): string {
  const sealed = gcmSeal(installationKeyFromSecret(secret).key, Buffer.from(plaintext), Buffer.from(context));
  return ["v1", ...encodeGcmParts(sealed)].join(".");
}

describe("values sealed under the installation key", () => {
  it("open with the same key and context, and record the key's id", () => {
    const ring = ringOf(NEW);
    const sealed = sealWithInstallationKey("private key PEM", "signing_key:abc", ring);
    expect(sealed.startsWith(`v2.${ring.current.id}.`)).toBe(true);
    expect(sealed).not.toContain("private key PEM");
    expect(installationKeyIdOf(sealed)).toBe(ring.current.id);
    expect(openWithInstallationKey(sealed, "signing_key:abc", ring).toString()).toBe("private key PEM");
    // A fresh nonce each time: the same value never seals the same way twice.
    expect(sealWithInstallationKey("private key PEM", "signing_key:abc", ring)).not.toBe(sealed);
  });

  it("refuse another context, a tampered byte and a key the ring lacks, each with its reason", () => {
    const ring = ringOf(NEW);
    const sealed = sealWithInstallationKey("value", "signing_key:abc", ring);
    expect(failureOf(() => openWithInstallationKey(sealed, "signing_key:abd", ring)).reason).toBe(
      "authentication_failed",
    );
    const parts = sealed.split(".");
    const ciphertext = Buffer.from(parts[4] ?? "", "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 4), ciphertext.toString("base64url")].join(".");
    expect(failureOf(() => openWithInstallationKey(tampered, "signing_key:abc", ring)).reason).toBe(
      "authentication_failed",
    );
    const stranger = failureOf(() => openWithInstallationKey(sealed, "signing_key:abc", ringOf(OLD)));
    expect(stranger.reason).toBe("unknown_key");
    expect(stranger.message).toContain(ring.current.id);
    expect(stranger.message).not.toContain(parts[4]);
    expect(failureOf(() => openWithInstallationKey("v2.abc.def", "x", ring)).reason).toBe("malformed");
    expect(failureOf(() => openWithInstallationKey("not sealed", "x", ring)).reason).toBe("malformed");
  });

  it("open with the previous key while both are configured, and seal with the current one", () => {
    const underOld = sealWithInstallationKey("value", "ctx", ringOf(OLD));
    const both = ringOf(NEW, OLD);
    expect(openWithInstallationKey(underOld, "ctx", both).toString()).toBe("value");
    expect(installationKeyIdOf(sealWithInstallationKey("value", "ctx", both))).toBe(both.current.id);
    expect(failureOf(() => openWithInstallationKey(underOld, "ctx", ringOf(NEW))).reason).toBe("unknown_key");
  });

  it("open values written before key ids with whichever configured key sealed them", () => {
    const legacy = legacySeal(OLD, "legacy PEM", "signing_key:k1");
    expect(installationKeyIdOf(legacy)).toBeNull();
    expect(openWithInstallationKey(legacy, "signing_key:k1", ringOf(OLD)).toString()).toBe("legacy PEM");
    expect(openWithInstallationKey(legacy, "signing_key:k1", ringOf(NEW, OLD)).toString()).toBe("legacy PEM");
    expect(failureOf(() => openWithInstallationKey(legacy, "signing_key:k1", ringOf(NEW))).reason).toBe(
      "authentication_failed",
    );
  });
});

describe("the installation key ring", () => {
  const config = {
    databaseUrl: undefined,
    dataDir: "memory://",
    port: 3000,
    adminEmail: "a@b.c",
    adminPassword: undefined,
    production: false,
  };

  it("names each key by a stable id that is not the key", () => {
    const key = installationKeyFromSecret(NEW);
    expect(installationKeyFromSecret(NEW).id).toBe(key.id);
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(installationKeyFromSecret(OLD).id).not.toBe(key.id);
    expect(key.key.toString("hex")).not.toContain(key.id);
  });

  const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;

  it("reads the previous key from LATCHKEY_ENCRYPTION_KEY_PREVIOUS, refusing a short one", () => {
    const ring = loadInstallationKeyRing(
      config,
      env({
        LATCHKEY_ENCRYPTION_KEY: NEW,
        LATCHKEY_ENCRYPTION_KEY_PREVIOUS: OLD,
      }),
    );
    expect(ring.current.id).toBe(installationKeyFromSecret(NEW).id);
    expect(ring.previous?.id).toBe(installationKeyFromSecret(OLD).id);
    expect(loadInstallationKeyRing(config, env({ LATCHKEY_ENCRYPTION_KEY: NEW })).previous).toBeNull();
    expect(
      loadInstallationKeyRing(
        config,
        env({ LATCHKEY_ENCRYPTION_KEY: NEW, LATCHKEY_ENCRYPTION_KEY_PREVIOUS: NEW }),
      ).previous,
    ).toBeNull();
    expect(() =>
      loadInstallationKeyRing(
        config,
        env({
          LATCHKEY_ENCRYPTION_KEY: NEW,
          LATCHKEY_ENCRYPTION_KEY_PREVIOUS: "short",
        }),
      ),
    ).toThrow("LATCHKEY_ENCRYPTION_KEY_PREVIOUS must be at least 32 characters long.");
  });
});
