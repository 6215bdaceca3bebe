import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import {
  ADMIT_ANY_HOST,
  admittingGuard,
  auditActionsOf,
  createCredentialTestTenant,
  createTestCredential,
  refusingGuard,
} from "@/lib/testing/outbound-credential-test-support";
import { DUPLICATE_CREDENTIAL_NAME } from "./credential-errors";
import { SECRET_REPLACEMENT_REQUIRED } from "./credential-schemas";
import { deleteOutboundCredential } from "./delete-outbound-credential";
import { findOutboundCredential } from "./find-outbound-credential";
import { recordCredentialTestResult } from "./record-credential-test-result";
import { replaceCredentialSecret } from "./replace-credential-secret";
import { revealCredentialSecrets } from "./reveal-credential-secrets";
import { updateOutboundCredential } from "./update-outbound-credential";

async function storedRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(outboundCredentials).where(eq(outboundCredentials.id, id));
  return row;
}

async function testedOnce(
  organizationId: string,
  actor: Parameters<typeof recordCredentialTestResult>[2],
  id: string,
) {
  const db = await getDb();
  const revealed = await revealCredentialSecrets(db, organizationId, id);
  if (!revealed) throw new Error("no credential");
  return recordCredentialTestResult(db, organizationId, actor, {
    credentialId: id,
    outcome: "connected",
    message: "Connected — Axonius 6.1.40",
    testedAgainst: revealed,
  });
}

describe("updateOutboundCredential", () => {
  it("edits name, description and host, checks a new host, forgets the last test, and audits the changes", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential, apiKey } = await createTestCredential(organizationId, actor, { name: "Staging" });
    await testedOnce(organizationId, actor, credential.id);
    const guard = admittingGuard();
    const updated = await updateOutboundCredential(
      db,
      organizationId,
      actor,
      {
        credentialId: credential.id,
        name: "Production",
        description: "Main",
        hostUrl: "https://Prod.example.com/",
      },
      guard,
    );
    expect(guard.asked).toEqual(["https://prod.example.com"]);
    expect(updated).toMatchObject({
      name: "Production",
      description: "Main",
      hostUrl: "https://prod.example.com",
      apiKeyStart: apiKey.slice(0, 4),
      lastTestOutcome: null,
      lastTestMessage: null,
      lastTestedAt: null,
    });
    expect((updated?.updatedAt.getTime() ?? 0) >= credential.updatedAt.getTime()).toBe(true);
    const events = await auditActionsOf(organizationId);
    expect(events.at(-1)).toMatchObject({
      action: "outbound_credential.updated",
      targetId: credential.id,
      details: {
        name: "Production",
        changes: {
          name: { from: "Staging", to: "Production" },
          description: { from: "", to: "Main" },
          hostUrl: { from: "https://axonius.example.com", to: "https://prod.example.com" },
        },
      },
    });
  });

  it("keeps the last test and asks nothing of the network when the host stays", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    await testedOnce(organizationId, actor, credential.id);
    const guard = refusingGuard("not asked");
    const updated = await updateOutboundCredential(
      db,
      organizationId,
      actor,
      { credentialId: credential.id, hostUrl: "https://axonius.example.com/", description: "Renamed" },
      guard,
    );
    expect(guard.asked).toEqual([]);
    expect(updated?.lastTestOutcome).toBe("connected");
  });

  it("refuses a host the guard refuses, a name taken, and writes nothing for an edit that changes nothing", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    await createTestCredential(organizationId, actor, { name: "Taken" });
    const { credential } = await createTestCredential(organizationId, actor, { name: "Mine" });
    const before = await storedRow(credential.id);
    const eventsBefore = (await auditActionsOf(organizationId)).length;

    await expect(
      updateOutboundCredential(
        db,
        organizationId,
        actor,
        { credentialId: credential.id, hostUrl: "https://10.0.0.7" },
        refusingGuard("Private addresses cannot be reached"),
      ),
    ).rejects.toMatchObject({ field: "hostUrl", message: "Private addresses cannot be reached" });
    await expect(
      updateOutboundCredential(
        db,
        organizationId,
        actor,
        { credentialId: credential.id, name: "TAKEN" },
        ADMIT_ANY_HOST,
      ),
    ).rejects.toMatchObject({ field: "name", message: DUPLICATE_CREDENTIAL_NAME });
    expect(
      await updateOutboundCredential(
        db,
        organizationId,
        actor,
        { credentialId: credential.id, name: " Mine " },
        ADMIT_ANY_HOST,
      ),
    ).toEqual(credential);
    expect(await storedRow(credential.id)).toEqual(before);
    expect(await auditActionsOf(organizationId)).toHaveLength(eventsBefore);
  });
});

describe("replaceCredentialSecret", () => {
  it("replaces the API key alone: new ends shown, the secret kept, the last test forgotten, audited without values", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential, clientSecret } = await createTestCredential(organizationId, actor);
    await testedOnce(organizationId, actor, credential.id);
    const before = await storedRow(credential.id);
    const newKey = "NEWKEY-0000-middle-part-9999";

    const replaced = await replaceCredentialSecret(db, organizationId, actor, {
      credentialId: credential.id,
      apiKey: newKey,
      clientSecret: "",
    });
    expect(replaced).toMatchObject({
      apiKeyStart: "NEWK",
      apiKeyEnd: "9999",
      lastTestOutcome: null,
      lastTestedAt: null,
    });
    expect((replaced?.secretsUpdatedAt.getTime() ?? 0) >= credential.secretsUpdatedAt.getTime()).toBe(true);
    const after = await storedRow(credential.id);
    expect(after?.encryptedApiKey).not.toBe(before?.encryptedApiKey);
    expect(after?.encryptedClientSecret).toBe(before?.encryptedClientSecret);
    const revealed = await revealCredentialSecrets(db, organizationId, credential.id);
    expect([revealed?.apiKey, revealed?.clientSecret]).toEqual([newKey, clientSecret]);

    const event = (await auditActionsOf(organizationId)).at(-1);
    expect(event).toMatchObject({
      action: "outbound_credential.secret_replaced",
      details: { name: credential.name, replaced: ["apiKey"] },
    });
    expect(JSON.stringify(event)).not.toContain("middle-part");
  });

  it("replaces both, and refuses to replace neither", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    await replaceCredentialSecret(db, organizationId, actor, {
      credentialId: credential.id,
      apiKey: "key-two-abcdefgh",
      clientSecret: "secret-two-abcdefgh",
    });
    const revealed = await revealCredentialSecrets(db, organizationId, credential.id);
    expect([revealed?.apiKey, revealed?.clientSecret]).toEqual(["key-two-abcdefgh", "secret-two-abcdefgh"]);
    expect((await auditActionsOf(organizationId)).at(-1)?.details).toEqual({
      name: credential.name,
      replaced: ["apiKey", "clientSecret"],
    });

    const before = await storedRow(credential.id);
    await expect(
      replaceCredentialSecret(db, organizationId, actor, {
        credentialId: credential.id,
        apiKey: " ",
        clientSecret: "",
      }),
    ).rejects.toThrow(SECRET_REPLACEMENT_REQUIRED);
    expect(await storedRow(credential.id)).toEqual(before);
  });
});

describe("deleteOutboundCredential", () => {
  it("deletes the credential and its sealed secrets, audits it, and finds nothing the second time", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    expect(
      await deleteOutboundCredential(db, organizationId, actor, { credentialId: credential.id }),
    ).toEqual(credential);
    expect(await storedRow(credential.id)).toBeUndefined();
    expect(await findOutboundCredential(db, organizationId, credential.id)).toBeNull();
    expect(await revealCredentialSecrets(db, organizationId, credential.id)).toBeNull();
    expect((await auditActionsOf(organizationId)).at(-1)).toMatchObject({
      action: "outbound_credential.deleted",
      targetId: credential.id,
      details: { name: credential.name, connector: "axonius", hostUrl: credential.hostUrl },
    });
    expect(
      await deleteOutboundCredential(db, organizationId, actor, { credentialId: credential.id }),
    ).toBeNull();
  });
});

describe("recordCredentialTestResult", () => {
  it("keeps the result as the last test and audits it with its outcome", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    const revealed = await revealCredentialSecrets(db, organizationId, credential.id);
    if (!revealed) throw new Error("no credential");
    const at = new Date("2026-12-01T10:00:00Z");
    const recorded = await recordCredentialTestResult(
      db,
      organizationId,
      actor,
      {
        credentialId: credential.id,
        outcome: "failed",
        message: "The API key or secret was refused (401)",
        testedAgainst: revealed,
      },
      at,
    );
    expect(recorded?.kept).toBe(true);
    expect(recorded?.credential).toMatchObject({
      lastTestOutcome: "failed",
      lastTestMessage: "The API key or secret was refused (401)",
      lastTestedAt: at,
    });
    const event = (await auditActionsOf(organizationId)).at(-1);
    expect(event).toMatchObject({
      action: "outbound_credential.tested",
      outcome: "failure",
      details: { name: credential.name, hostUrl: credential.hostUrl, outcome: "failed" },
    });
    expect(JSON.stringify(event)).not.toContain(revealed.apiKey);
  });

  it("audits but does not keep a test of a host or secret that changed while it ran", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    const revealed = await revealCredentialSecrets(db, organizationId, credential.id);
    if (!revealed) throw new Error("no credential");
    await updateOutboundCredential(
      db,
      organizationId,
      actor,
      { credentialId: credential.id, hostUrl: "https://elsewhere.example.com" },
      ADMIT_ANY_HOST,
    );
    const recorded = await recordCredentialTestResult(db, organizationId, actor, {
      credentialId: credential.id,
      outcome: "connected",
      message: "Connected — Axonius 6.1.40",
      testedAgainst: revealed,
    });
    expect(recorded?.kept).toBe(false);
    expect(recorded?.credential.lastTestOutcome).toBeNull();
    expect((await auditActionsOf(organizationId)).at(-1)).toMatchObject({
      action: "outbound_credential.tested",
      outcome: "success",
      details: { hostUrl: credential.hostUrl, superseded: true },
    });
  });
});
