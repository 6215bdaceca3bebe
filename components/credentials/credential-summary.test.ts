import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { recordCredentialTestResult } from "@/lib/outbound-credentials/record-credential-test-result";
import {
  createCredentialTestTenant,
  createTestCredential,
} from "@/lib/testing/outbound-credential-test-support";
import { toCredentialSummary } from "./credential-summary";

describe("toCredentialSummary", () => {
  it("carries what tiles and lists show, and nothing of either secret", async () => {
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential, apiKey, clientSecret } = await createTestCredential(organizationId, actor, {
      name: "Production Axonius",
      description: "Nightly devices",
    });
    const summary = toCredentialSummary(credential);
    expect(summary).toEqual({
      id: credential.id,
      connector: "axonius",
      connectorLabel: "Axonius",
      name: "Production Axonius",
      description: "Nightly devices",
      hostUrl: "https://axonius.example.com",
      apiKeyHint: `${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`,
      lastTest: null,
    });
    const text = JSON.stringify(summary);
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(apiKey.slice(4, -4));
    expect(text).not.toContain(clientSecret.slice(0, 8));
  });

  it("shows the last test with its time, formatted on the server", async () => {
    const { organizationId, actor } = await createCredentialTestTenant();
    const { credential } = await createTestCredential(organizationId, actor);
    const testedAt = new Date("2026-11-03T09:30:00Z");
    const recorded = await recordCredentialTestResult(
      await getDb(),
      organizationId,
      actor,
      {
        credentialId: credential.id,
        outcome: "failed",
        message: "Axonius did not accept the API key and secret (401); check both values",
        testedAgainst: { hostUrl: credential.hostUrl, secretsUpdatedAt: credential.secretsUpdatedAt },
      },
      testedAt,
    );
    if (!recorded) throw new Error("not recorded");
    expect(toCredentialSummary(recorded.credential).lastTest).toEqual({
      outcome: "failed",
      message: "Axonius did not accept the API key and secret (401); check both values",
      at: testedAt.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" }),
      atIso: "2026-11-03T09:30:00.000Z",
    });
  });
});
