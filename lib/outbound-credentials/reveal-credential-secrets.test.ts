import { inspect } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { FormError } from "@/lib/forms/action-state";
import {
  auditActionsOf,
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { CREDENTIAL_SECRETS_UNREADABLE, CredentialSecretsUnreadableError } from "./credential-errors";
import { findOutboundCredential } from "./find-outbound-credential";
import { replaceCredentialSecret } from "./replace-credential-secret";
import { revealCredentialSecrets } from "./reveal-credential-secrets";

async function sealedOf(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      apiKey: outboundCredentials.encryptedApiKey,
      clientSecret: outboundCredentials.encryptedClientSecret,
    })
    .from(outboundCredentials)
    .where(eq(outboundCredentials.id, id));
  if (!row) throw new Error("no row");
  return row;
}

async function overwrite(id: string, values: { encryptedApiKey?: string; encryptedClientSecret?: string }) {
  const db = await getDb();
  await db.update(outboundCredentials).set(values).where(eq(outboundCredentials.id, id));
}

async function unreadable(run: Promise<unknown>): Promise<CredentialSecretsUnreadableError> {
  const error = await run.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof CredentialSecretsUnreadableError))
    throw new Error(`expected unreadable, got ${String(error)}`);
  return error;
}

describe("revealCredentialSecrets", () => {
  it("returns the host and both secrets for an outbound call, and shows neither when serialized or inspected", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential, apiKey, clientSecret } = await createTestCredential(organizationId, actor);
    const revealed = await revealCredentialSecrets(db, organizationId, credential.id, actor);
    expect(revealed).toMatchObject({
      credentialId: credential.id,
      connector: "axonius",
      hostUrl: credential.hostUrl,
      secretsUpdatedAt: credential.secretsUpdatedAt,
      apiKey,
      clientSecret,
    });
    const printed = [JSON.stringify(revealed), inspect(revealed), JSON.stringify({ nested: revealed })];
    for (const text of printed) {
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(clientSecret);
      expect(text).toContain(credential.hostUrl);
    }
    // Revealing for a call is not an administrative change: nothing is audited.
    expect((await auditActionsOf(organizationId)).map((event) => event.action)).toEqual([
      "outbound_credential.created",
    ]);
    expect(await revealCredentialSecrets(db, organizationId, "not-a-uuid")).toBeNull();
  });

  it("reports a tampered ciphertext as a typed error, audited once, and the credential still lists and mends", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    const sealed = await sealedOf(credential.id);
    const parts = sealed.clientSecret.split(".");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 0xff;
    await overwrite(credential.id, {
      encryptedClientSecret: [...parts.slice(0, 4), body.toString("base64url")].join("."),
    });

    const error = await unreadable(revealCredentialSecrets(db, organizationId, credential.id, actor));
    expect(error).toBeInstanceOf(FormError);
    expect(error.message).toBe(CREDENTIAL_SECRETS_UNREADABLE);
    expect(error.fields).toEqual(["clientSecret"]);
    const failures = (await auditActionsOf(organizationId)).filter(
      (event) => event.action === "outbound_credential.decrypt_failed",
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      actorId: actor.id,
      targetId: credential.id,
      outcome: "failure",
      details: {
        name: credential.name,
        failures: [{ field: "clientSecret", reason: "authentication_failed" }],
      },
    });

    // The page around it still works, and replacing the secret makes the credential usable again.
    expect(await findOutboundCredential(db, organizationId, credential.id)).toEqual(credential);
    await replaceCredentialSecret(db, organizationId, actor, {
      credentialId: credential.id,
      clientSecret: "replacement-secret-value",
    });
    expect((await revealCredentialSecrets(db, organizationId, credential.id))?.clientSecret).toBe(
      "replacement-secret-value",
    );
  });

  it("refuses a value copied from another credential, another field, or another organization", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const source = await createTestCredential(organizationId, actor);
    const target = await createTestCredential(organizationId, actor);
    const fromSource = await sealedOf(source.credential.id);

    await overwrite(target.credential.id, { encryptedApiKey: fromSource.apiKey });
    const moved = await unreadable(revealCredentialSecrets(db, organizationId, target.credential.id));
    expect(moved.fields).toEqual(["apiKey"]);

    // The source's own secret, put in its API key column.
    await overwrite(source.credential.id, { encryptedApiKey: fromSource.clientSecret });
    expect(
      (await unreadable(revealCredentialSecrets(db, organizationId, source.credential.id))).fields,
    ).toEqual(["apiKey"]);

    const other = await createCredentialTestTenant();
    const victim = await createTestCredential(other.organizationId, other.actor);
    await overwrite(victim.credential.id, {
      encryptedApiKey: fromSource.apiKey,
      encryptedClientSecret: fromSource.clientSecret,
    });
    expect(
      (await unreadable(revealCredentialSecrets(db, other.organizationId, victim.credential.id))).fields,
    ).toEqual(["apiKey", "clientSecret"]);
  });
});
