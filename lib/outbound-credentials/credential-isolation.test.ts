import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import {
  admittingGuard,
  auditActionsOf,
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { deleteOutboundCredential } from "./delete-outbound-credential";
import { findOutboundCredential, lockOutboundCredential } from "./find-outbound-credential";
import { listOutboundCredentials } from "./list-outbound-credentials";
import { recordCredentialTestResult } from "./record-credential-test-result";
import { replaceCredentialSecret } from "./replace-credential-secret";
import { revealCredentialSecrets } from "./reveal-credential-secrets";
import { updateOutboundCredential } from "./update-outbound-credential";

describe("organization isolation of outbound credentials", () => {
  it("treats another organization's credential id as not found in every query and command, and changes nothing", async () => {
    const db = await getDb();
    const owner = await createCredentialTestTenant();
    const intruder = await createCredentialTestTenant();
    const { credential, apiKey, clientSecret } = await createTestCredential(
      owner.organizationId,
      owner.actor,
    );
    const rowsBefore = await db.select().from(outboundCredentials);
    const { organizationId: otherOrg, actor } = intruder;
    const credentialId = credential.id;
    const guard = admittingGuard();

    expect(await findOutboundCredential(db, otherOrg, credentialId)).toBeNull();
    expect(await db.transaction((tx) => lockOutboundCredential(tx, otherOrg, credentialId))).toBeNull();
    expect(await revealCredentialSecrets(db, otherOrg, credentialId, actor)).toBeNull();
    expect(
      await updateOutboundCredential(
        db,
        otherOrg,
        actor,
        { credentialId, name: "Taken over", hostUrl: "https://attacker.example.com" },
        guard,
      ),
    ).toBeNull();
    expect(guard.asked).toEqual([]);
    expect(
      await replaceCredentialSecret(db, otherOrg, actor, {
        credentialId,
        apiKey: "attacker-key",
        clientSecret: "x",
      }),
    ).toBeNull();
    expect(
      await recordCredentialTestResult(db, otherOrg, actor, {
        credentialId,
        outcome: "connected",
        message: "Connected — Axonius 6",
        testedAgainst: { hostUrl: credential.hostUrl, secretsUpdatedAt: credential.secretsUpdatedAt },
      }),
    ).toBeNull();
    expect(await deleteOutboundCredential(db, otherOrg, actor, { credentialId })).toBeNull();
    expect((await listOutboundCredentials(db, otherOrg)).total).toBe(0);
    expect((await listOutboundCredentials(db, otherOrg, { search: credential.name })).credentials).toEqual(
      [],
    );
    // An id that exists nowhere answers the same as one that exists elsewhere.
    expect(await findOutboundCredential(db, otherOrg, randomUUID())).toBeNull();

    expect(await db.select().from(outboundCredentials)).toEqual(rowsBefore);
    const revealed = await revealCredentialSecrets(db, owner.organizationId, credentialId);
    expect([revealed?.apiKey, revealed?.clientSecret]).toEqual([apiKey, clientSecret]);
    expect(await auditActionsOf(otherOrg)).toEqual([]);
  });
});
