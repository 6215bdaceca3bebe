import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAxonius, startFakeAxonius } from "@/lib/axonius/fake/fake-axonius-server";
import { getDb } from "@/lib/db/client";
import { outboundCredentials } from "@/lib/db/schema";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import {
  auditActionsOf,
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { tableResolver } from "@/lib/testing/outbound-test-support";
import { createOutboundCredential } from "./create-outbound-credential";
import { CREDENTIAL_SECRETS_UNREADABLE } from "./credential-errors";
import { findOutboundCredential } from "./find-outbound-credential";
import { createHostUrlGuard } from "./outbound-host-url-guard";
import { replaceCredentialSecret } from "./replace-credential-secret";
import { testOutboundCredential } from "./test-outbound-credential";

const API_KEY = "fake-key-7Hq2LmV9xR";
const API_SECRET = "fake-secret-Zp4Kw8Nd3Tj6";

let fake: FakeAxonius;
let client: OutboundClient;

beforeAll(async () => {
  fake = await startFakeAxonius({ apiKey: API_KEY, apiSecret: API_SECRET, version: "6.1.2" });
  client = createOutboundClient({
    allowHosts: parseAllowHosts(fake.hostPort),
    resolveHost: tableResolver({}),
  });
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

/** A credential for the fake, saved through the guard the console uses. */
async function fakeCredential(organizationId: string, actor: Parameters<typeof createOutboundCredential>[2]) {
  const allowHosts = parseAllowHosts(fake.hostPort);
  return createOutboundCredential(
    await getDb(),
    organizationId,
    actor,
    { name: "Fake Axonius", hostUrl: fake.url, apiKey: API_KEY, clientSecret: API_SECRET },
    createHostUrlGuard({ checkUrl: client.checkUrl, allowHosts }),
  );
}

function expectNoSecret(value: unknown) {
  const text = JSON.stringify(value);
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(API_SECRET);
}

describe("testOutboundCredential", () => {
  it("connects with the stored secrets, keeps the result as the last test and audits it", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const credential = await fakeCredential(organizationId, actor);
    const result = await testOutboundCredential(db, organizationId, actor, credential.id, { client });
    expect(result).toMatchObject({ outcome: "connected", message: "Connected — Axonius 6.1.2", kept: true });
    expect(result?.credential).toMatchObject({
      lastTestOutcome: "connected",
      lastTestMessage: "Connected — Axonius 6.1.2",
    });
    expect(result?.credential.lastTestedAt).toBeInstanceOf(Date);
    expect(fake.requests.at(-1)).toEqual({ method: "GET", path: "/api/settings/meta/about", status: 200 });
    expectNoSecret(result);
    const events = await auditActionsOf(organizationId);
    const tested = events.find((event) => event.action === "outbound_credential.tested");
    expect(tested).toMatchObject({ outcome: "success", targetId: credential.id });
    expectNoSecret(events);
  });

  it("reports a replaced, wrong secret as Axonius's refusal", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const credential = await fakeCredential(organizationId, actor);
    await replaceCredentialSecret(db, organizationId, actor, {
      credentialId: credential.id,
      clientSecret: "not-the-secret-Qx81",
    });
    const result = await testOutboundCredential(db, organizationId, actor, credential.id, { client });
    expect(result).toMatchObject({
      outcome: "failed",
      message: "Axonius did not accept the API key and secret (401); check both values",
    });
    expect(result?.credential.lastTestOutcome).toBe("failed");
    expect(JSON.stringify(result)).not.toContain("not-the-secret-Qx81");
  });

  it("refuses at connect time a host that is private, whatever the save-time check said", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    // Saved without the network check, as if the name had resolved elsewhere when it was saved.
    const { credential } = await createTestCredential(organizationId, actor, { hostUrl: "https://10.0.0.5" });
    const served = fake.requests.length;
    const result = await testOutboundCredential(db, organizationId, actor, credential.id, { client });
    expect(result).toMatchObject({
      outcome: "failed",
      message: "The host is a private address (10.0.0.5), which Latchkey does not call",
    });
    expect(fake.requests.length).toBe(served);
  });

  it("turns secrets that do not decrypt into a failed test saying so, audited, without a crash", async () => {
    const db = await getDb();
    const { organizationId, actor } = await createCredentialTestTenant();
    const credential = await fakeCredential(organizationId, actor);
    const other = await createTestCredential(organizationId, actor, {
      hostUrl: "https://axonius.example.com",
    });
    const [moved] = await db
      .select({ sealed: outboundCredentials.encryptedClientSecret })
      .from(outboundCredentials)
      .where(eq(outboundCredentials.id, other.credential.id));
    await db
      .update(outboundCredentials)
      .set({ encryptedClientSecret: moved?.sealed ?? "" })
      .where(eq(outboundCredentials.id, credential.id));
    const served = fake.requests.length;

    const result = await testOutboundCredential(db, organizationId, actor, credential.id, { client });
    expect(result).toMatchObject({ outcome: "failed", message: CREDENTIAL_SECRETS_UNREADABLE, kept: true });
    expect(fake.requests.length).toBe(served);
    const stored = await findOutboundCredential(db, organizationId, credential.id);
    expect(stored).toMatchObject({
      lastTestOutcome: "failed",
      lastTestMessage: CREDENTIAL_SECRETS_UNREADABLE,
    });
    const actions = (await auditActionsOf(organizationId))
      .filter((event) => event.targetId === credential.id)
      .map((event) => [event.action, event.outcome]);
    // Events of one instant may come back in either order.
    expect(actions).toHaveLength(3);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["outbound_credential.created", "success"],
        ["outbound_credential.decrypt_failed", "failure"],
        ["outbound_credential.tested", "failure"],
      ]),
    );
  });

  it("finds nothing of another organization's, and records nothing there", async () => {
    const db = await getDb();
    const home = await createCredentialTestTenant();
    const other = await createCredentialTestTenant();
    const credential = await fakeCredential(home.organizationId, home.actor);
    const served = fake.requests.length;
    expect(
      await testOutboundCredential(db, other.organizationId, other.actor, credential.id, { client }),
    ).toBeNull();
    expect(
      await testOutboundCredential(db, home.organizationId, home.actor, "not-a-uuid", { client }),
    ).toBeNull();
    expect(fake.requests.length).toBe(served);
    expect((await findOutboundCredential(db, home.organizationId, credential.id))?.lastTestedAt).toBeNull();
    expect((await auditActionsOf(other.organizationId)).map((event) => event.action)).not.toContain(
      "outbound_credential.tested",
    );
  });
});
