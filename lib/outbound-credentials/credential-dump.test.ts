import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  createCredentialTestTenant,
  createTestCredential,
  dumpEveryTable,
} from "@/lib/testing/outbound-credential-test-support";
import { recordCredentialTestResult } from "./record-credential-test-result";
import { replaceCredentialSecret } from "./replace-credential-secret";
import { revealCredentialSecrets } from "./reveal-credential-secrets";
import { updateOutboundCredential } from "./update-outbound-credential";

describe("a dump of the database", () => {
  it("holds no plaintext API key or client secret, in any table, after credentials were created, edited, replaced and tested", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const first = await createTestCredential(organizationId, actor, { description: "First" });
    const second = await createTestCredential(organizationId, actor);
    const replacement = { apiKey: "REPLkey-a9f3c1e7d5b2-ENDk", clientSecret: "REPLsec-7e1d9c3b5a2f-ENDs" };
    await replaceCredentialSecret(db, organizationId, actor, {
      credentialId: second.credential.id,
      ...replacement,
    });
    await updateOutboundCredential(
      db,
      organizationId,
      actor,
      { credentialId: first.credential.id, name: "Renamed" },
      { checkHostUrl: async () => null },
    );
    const revealed = await revealCredentialSecrets(db, organizationId, first.credential.id);
    if (!revealed) throw new Error("no credential");
    await recordCredentialTestResult(db, organizationId, actor, {
      credentialId: first.credential.id,
      outcome: "connected",
      message: "Connected — Axonius 6.1",
      testedAgainst: revealed,
    });

    const dump = await dumpEveryTable();
    const tables = new Set(dump.map((row) => row.table));
    expect(tables).toContain('"public"."outbound_credentials"');
    expect(tables).toContain('"public"."audit_events"');
    expect(tables).toContain('"public"."organization_data_keys"');
    const everything = dump.map((row) => row.text).join("\n");
    expect(everything).toContain("Renamed");
    // Each whole secret, and the middle of each (the part the key's display ends leave out).
    const secrets = [
      first.apiKey,
      first.clientSecret,
      second.apiKey,
      second.clientSecret,
      ...Object.values(replacement),
    ];
    for (const secret of secrets) {
      const middle = secret.slice(4, -4);
      const found = dump.filter((row) => row.text.includes(middle)).map((row) => row.table);
      expect(found, `a secret appears in ${found.join(", ")}`).toEqual([]);
    }
  });
});
