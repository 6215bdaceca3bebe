import { z } from "zod";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { testAxoniusConnection } from "@/lib/axonius/test-axonius-connection";
import type { Executor } from "@/lib/db/client";
import type { OutboundClient } from "@/lib/net/outbound/outbound-client";
import type { OutboundConnectorKey } from "./connectors";
import { CredentialSecretsUnreadableError } from "./credential-errors";
import type { OutboundCredentialRecord } from "./credential-record";
import { credentialIdSchema } from "./credential-schemas";
import { findOutboundCredential } from "./find-outbound-credential";
import { recordCredentialTestResult } from "./record-credential-test-result";
import { type RevealedCredential, revealCredentialSecrets } from "./reveal-credential-secrets";

/** What the console's "Test connection" sends: which credential, nothing more. */
export const testOutboundCredentialSchema = z.strictObject({ credentialId: credentialIdSchema });

export interface CredentialTestOutcome {
  outcome: "connected" | "failed";
  /** "Connected — Axonius 6.1.2", or the precise reason it failed; never a secret or a remote body. */
  message: string;
  /** The credential as it is after the test (its last test updated, unless it changed meanwhile). */
  credential: OutboundCredentialRecord;
  /** False when the host or secrets changed while the test ran: audited, not kept as the last test. */
  kept: boolean;
}

export interface TestOutboundCredentialOptions {
  /** The guarded client to call through; the process's own by default. */
  client?: OutboundClient;
}

// recordCredentialTestSchema accepts at most 300 characters; every message here is Latchkey's own.
const MAX_MESSAGE = 300;

async function callConnector(
  connector: OutboundConnectorKey,
  revealed: RevealedCredential,
  options: TestOutboundCredentialOptions,
): Promise<{ ok: boolean; message: string }> {
  switch (connector) {
    case "axonius":
      return testAxoniusConnection(
        { hostUrl: revealed.hostUrl, apiKey: revealed.apiKey, apiSecret: revealed.clientSecret },
        { client: options.client },
      );
  }
}

/**
 * "Test connection": decrypts the credential's secrets for this one call, asks its system
 * whether they work (through the guarded outbound client), and records the answer as the
 * credential's last test and in the audit log. Secrets that do not decrypt are a failed
 * test saying so (revealCredentialSecrets has audited the decryption failure), never a
 * crash. Returns null when the organization has no such credential.
 */
export async function testOutboundCredential(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  credentialId: string,
  options: TestOutboundCredentialOptions = {},
): Promise<CredentialTestOutcome | null> {
  const current = await findOutboundCredential(executor, organizationId, credentialId);
  if (!current) return null;
  let result: { ok: boolean; message: string };
  let testedAgainst = { hostUrl: current.hostUrl, secretsUpdatedAt: current.secretsUpdatedAt };
  try {
    const revealed = await revealCredentialSecrets(executor, organizationId, current.id, actor);
    if (!revealed) return null;
    testedAgainst = { hostUrl: revealed.hostUrl, secretsUpdatedAt: revealed.secretsUpdatedAt };
    result = await callConnector(revealed.connector, revealed, options);
  } catch (error) {
    if (!(error instanceof CredentialSecretsUnreadableError)) throw error;
    result = { ok: false, message: error.message };
  }
  const outcome = result.ok ? "connected" : "failed";
  const message = result.message.slice(0, MAX_MESSAGE);
  const recorded = await recordCredentialTestResult(executor, organizationId, actor, {
    credentialId: current.id,
    outcome,
    message,
    testedAgainst,
  });
  if (!recorded) return null;
  return { outcome, message, credential: recorded.credential, kept: recorded.kept };
}
