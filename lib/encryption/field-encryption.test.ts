import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getInstallationKeyRing } from "@/lib/crypto/installation-keys";
import { getDb } from "@/lib/db/client";
import { organizationDataKeys } from "@/lib/db/schema";
import { createTestOrganization } from "@/lib/testing/factories";
import { newInstallationSecret, ringOf } from "@/lib/testing/installation-key-test-support";
import { decryptFields, encryptFields, UnreadableFieldsError } from "./field-encryption";
import { currentDataKey, dataKeyByVersion } from "./organization-data-keys";

async function failuresOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof UnreadableFieldsError) return error.failures;
    throw error;
  }
  throw new Error("expected UnreadableFieldsError");
}

describe("fields sealed under the organization's data key", () => {
  it("make one random data key per organization, stored only wrapped by the installation key", async () => {
    const db = await getDb();
    const { organization } = await createTestOrganization();
    const first = await currentDataKey(db, organization.id);
    const again = await currentDataKey(db, organization.id);
    expect(again.key.equals(first.key)).toBe(true);
    expect(first.version).toBe(1);
    const rows = await db
      .select()
      .from(organizationDataKeys)
      .where(eq(organizationDataKeys.organizationId, organization.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.installationKeyId).toBe(getInstallationKeyRing().current.id);
    expect(rows[0]?.wrappedKey.startsWith(`v2.${getInstallationKeyRing().current.id}.`)).toBe(true);
    for (const encoding of ["base64", "base64url", "hex"] as const)
      expect(rows[0]?.wrappedKey).not.toContain(first.key.toString(encoding));

    const other = await createTestOrganization();
    expect((await currentDataKey(db, other.organization.id)).key.equals(first.key)).toBe(false);
  });

  it("agree on one data key when several requests make it at once", async () => {
    const db = await getDb();
    const { organization } = await createTestOrganization();
    const keys = await Promise.all([1, 2, 3, 4].map(() => currentDataKey(db, organization.id)));
    for (const key of keys) expect(key.key.equals(keys[0]?.key ?? Buffer.alloc(0))).toBe(true);
    const stored = await dataKeyByVersion(db, organization.id, 1);
    expect(stored.key.equals(keys[0]?.key ?? Buffer.alloc(0))).toBe(true);
  });

  it("open in their own row and field only", async () => {
    const db = await getDb();
    const { organization } = await createTestOrganization();
    const other = await createTestOrganization();
    const row = { organizationId: organization.id, rowId: randomUUID() };
    const sealed = await encryptFields(db, row, { "t.api_key": "key-plain", "t.secret": "secret-plain" });
    expect(sealed["t.api_key"]).toMatch(/^f1\.1\./);
    expect(JSON.stringify(sealed)).not.toContain("plain");
    expect(await decryptFields(db, row, sealed)).toEqual({
      "t.api_key": "key-plain",
      "t.secret": "secret-plain",
    });

    const apiKey = sealed["t.api_key"] ?? "";
    // Another row of the same organization, another field of the same row, another organization.
    expect(
      await failuresOf(() => decryptFields(db, { ...row, rowId: randomUUID() }, { "t.api_key": apiKey })),
    ).toEqual([{ field: "t.api_key", reason: "authentication_failed" }]);
    expect(await failuresOf(() => decryptFields(db, row, { "t.secret": apiKey }))).toEqual([
      { field: "t.secret", reason: "authentication_failed" },
    ]);
    await currentDataKey(db, other.organization.id);
    expect(
      await failuresOf(() =>
        decryptFields(db, { ...row, organizationId: other.organization.id }, { "t.api_key": apiKey }),
      ),
    ).toEqual([{ field: "t.api_key", reason: "authentication_failed" }]);
    const stranger = await createTestOrganization();
    expect(
      await failuresOf(() =>
        decryptFields(db, { ...row, organizationId: stranger.organization.id }, { "t.api_key": apiKey }),
      ),
    ).toEqual([{ field: "t.api_key", reason: "unknown_key" }]);
  });

  it("report a tampered value, a malformed one and a wrong installation key, naming every field that failed", async () => {
    const db = await getDb();
    const { organization } = await createTestOrganization();
    const row = { organizationId: organization.id, rowId: randomUUID() };
    const sealed = await encryptFields(db, row, { a: "alpha", b: "bravo" });
    const parts = (sealed.a ?? "").split(".");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[1] = (body[1] ?? 0) ^ 0x40;
    const tampered = [...parts.slice(0, 4), body.toString("base64url")].join(".");
    expect(await failuresOf(() => decryptFields(db, row, { a: tampered, b: sealed.b ?? "" }))).toEqual([
      { field: "a", reason: "authentication_failed" },
    ]);
    expect(await failuresOf(() => decryptFields(db, row, { a: "f1.1.x", b: "f1.9.a.b.c" }))).toEqual([
      { field: "a", reason: "malformed" },
      { field: "b", reason: "unknown_key" },
    ]);
    expect(await failuresOf(() => decryptFields(db, row, sealed, ringOf(newInstallationSecret())))).toEqual([
      { field: "a", reason: "unknown_key" },
      { field: "b", reason: "unknown_key" },
    ]);
  });

  it("refuse a wrapped data key copied to another organization", async () => {
    const db = await getDb();
    const owner = await createTestOrganization();
    const thief = await createTestOrganization();
    const row = { organizationId: owner.organization.id, rowId: randomUUID() };
    const sealed = await encryptFields(db, row, { a: "alpha" });
    const [ownerKey] = await db
      .select()
      .from(organizationDataKeys)
      .where(eq(organizationDataKeys.organizationId, owner.organization.id));
    if (!ownerKey) throw new Error("no data key");
    // The owner's wrapped key and sealed value, copied into another organization: the wrapped key names its organization.
    await db.insert(organizationDataKeys).values({ ...ownerKey, organizationId: thief.organization.id });
    try {
      expect(
        await failuresOf(() => decryptFields(db, { ...row, organizationId: thief.organization.id }, sealed)),
      ).toEqual([{ field: "a", reason: "authentication_failed" }]);
      await expect(dataKeyByVersion(db, thief.organization.id, 1)).rejects.toMatchObject({
        name: "DecryptionError",
        reason: "authentication_failed",
      });
    } finally {
      // A key no installation key opens would stop the rotation tests of this run.
      await db
        .delete(organizationDataKeys)
        .where(eq(organizationDataKeys.organizationId, thief.organization.id));
    }
  });
});
