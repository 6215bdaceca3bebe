import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { FieldError } from "@/lib/forms/action-state";
import {
  ADMIT_ANY_HOST,
  auditActionsOf,
  createCredentialTestTenant,
  distinctiveSecrets,
  refusingGuard,
} from "@/lib/testing/outbound-credential-test-support";
import { createOutboundCredential } from "./create-outbound-credential";
import { DUPLICATE_CREDENTIAL_NAME } from "./credential-errors";
import { findOutboundCredential } from "./find-outbound-credential";
import { revealCredentialSecrets } from "./reveal-credential-secrets";

async function storedRows(organizationId: string) {
  const db = await getDb();
  return db.select().from(outboundCredentials).where(eq(outboundCredentials.organizationId, organizationId));
}

describe("createOutboundCredential", () => {
  it("saves the credential with its secrets sealed, the key's ends for display, and an audit event without secrets", async () => {
    const db = await getDb();
    const { organizationId, actor, admin } = await createCredentialTestTenant();
    const secrets = distinctiveSecrets();
    const credential = await createOutboundCredential(
      db,
      organizationId,
      actor,
      {
        name: "  Production Axonius ",
        description: "Nightly import of every managed device",
        hostUrl: "https://Your-Instance.axonius.com/",
        ...secrets,
      },
      ADMIT_ANY_HOST,
    );

    expect(credential).toMatchObject({
      organizationId,
      connector: "axonius",
      name: "Production Axonius",
      description: "Nightly import of every managed device",
      hostUrl: "https://your-instance.axonius.com",
      apiKeyStart: secrets.apiKey.slice(0, 4),
      apiKeyEnd: secrets.apiKey.slice(-4),
      createdBy: admin.id,
      updatedBy: admin.id,
      lastTestOutcome: null,
      lastTestMessage: null,
      lastTestedAt: null,
    });
    for (const column of ["encryptedApiKey", "encryptedClientSecret", "nameKey"])
      expect(credential).not.toHaveProperty(column);
    expect(JSON.stringify(credential)).not.toContain(secrets.apiKey.slice(4, -4));
    expect(await findOutboundCredential(db, organizationId, credential.id)).toEqual(credential);

    const [row] = await storedRows(organizationId);
    expect(row?.encryptedApiKey).toMatch(/^f1\.1\./);
    expect(row?.encryptedApiKey).not.toContain(secrets.apiKey);
    expect(row?.encryptedClientSecret).not.toContain(secrets.clientSecret);
    const revealed = await revealCredentialSecrets(db, organizationId, credential.id);
    expect({ apiKey: revealed?.apiKey, clientSecret: revealed?.clientSecret }).toEqual(secrets);

    const events = await auditActionsOf(organizationId);
    expect(events.map((event) => event.action)).toEqual(["outbound_credential.created"]);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      ip: actor.ip,
      targetType: "outbound_credential",
      targetId: credential.id,
      details: {
        name: "Production Axonius",
        connector: "axonius",
        description: "Nightly import of every managed device",
        hostUrl: "https://your-instance.axonius.com",
      },
    });
    expect(JSON.stringify(events)).not.toContain(secrets.apiKey.slice(4, -4));
    expect(JSON.stringify(events)).not.toContain(secrets.clientSecret.slice(4, -4));
  });

  it("refuses a name already taken in the organization, whatever its case or Unicode form, and writes nothing", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const input = { hostUrl: "https://axonius.example.com", ...distinctiveSecrets() };
    await createOutboundCredential(db, organizationId, actor, { ...input, name: "Café" }, ADMIT_ANY_HOST);
    for (const name of ["café", "CAFE\u0301", " Café "]) {
      const attempt = createOutboundCredential(db, organizationId, actor, { ...input, name }, ADMIT_ANY_HOST);
      await expect(attempt).rejects.toBeInstanceOf(FieldError);
      await expect(attempt).rejects.toMatchObject({ field: "name", message: DUPLICATE_CREDENTIAL_NAME });
    }
    expect(await storedRows(organizationId)).toHaveLength(1);
    expect((await auditActionsOf(organizationId)).map((event) => event.action)).toEqual([
      "outbound_credential.created",
    ]);

    // Another organization may use the same name.
    const other = await createCredentialTestTenant();
    await createOutboundCredential(
      db,
      other.organizationId,
      other.actor,
      { ...input, name: "Café" },
      ADMIT_ANY_HOST,
    );
  });

  it("asks the guard about the normalized host and refuses, on the host field, what it refuses", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const guard = refusingGuard("The host resolves to a private address (10.0.0.7)");
    const attempt = createOutboundCredential(
      db,
      organizationId,
      actor,
      { name: "Internal", hostUrl: "https://Internal.Example.com/", ...distinctiveSecrets() },
      guard,
    );
    await expect(attempt).rejects.toMatchObject({
      field: "hostUrl",
      message: "The host resolves to a private address (10.0.0.7)",
    });
    expect(guard.asked).toEqual(["https://internal.example.com"]);
    expect(await storedRows(organizationId)).toEqual([]);
    expect(await auditActionsOf(organizationId)).toEqual([]);
  });

  it("checks the form before the network and writes nothing for bad input", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const guard = refusingGuard("not asked");
    const attempt = createOutboundCredential(
      db,
      organizationId,
      actor,
      { name: "Axonius", hostUrl: "http://axonius.example.com", apiKey: "k", clientSecret: "s" },
      guard,
    );
    await expect(attempt).rejects.toBeInstanceOf(ZodError);
    await expect(attempt).rejects.toThrow("The host URL must start with https://");
    expect(guard.asked).toEqual([]);
    expect(await storedRows(organizationId)).toEqual([]);
  });

  it("saves a plain-http host the guard's allow-list admits", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const credential = await createOutboundCredential(
      db,
      organizationId,
      actor,
      { name: "Fake Axonius", hostUrl: "http://127.0.0.1:3979", ...distinctiveSecrets() },
      { checkHostUrl: async () => null, allowsPlainHttp: (url) => url.host === "127.0.0.1:3979" },
    );
    expect(credential.hostUrl).toBe("http://127.0.0.1:3979");
  });
});
