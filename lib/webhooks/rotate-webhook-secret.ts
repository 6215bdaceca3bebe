import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Executor } from "@/lib/db/client";
import { webhookEndpoints } from "@/lib/db/schema";
import type { EndpointWithSecret } from "./create-webhook-endpoint";
import { WEBHOOK_AUDIT_ACTIONS } from "./webhook-audit-actions";
import {
  endpointColumns,
  endpointOfOrganization,
  WEBHOOK_ENDPOINT_TARGET_TYPE,
} from "./webhook-endpoint-record";
import { type EndpointReference, endpointReferenceSchema } from "./webhook-schemas";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";

/** How long the secret a rotation replaces keeps signing beside the new one. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * "Rotate secret": a new signing secret, returned once in clear. For 24 hours every delivery
 * carries a signature by the new secret and one by the old, so a receiver can switch whenever
 * it likes in that time; then only the new one signs. A second rotation within the 24 hours
 * replaces the older secret for good (only the latest two ever sign). Audited, without either
 * secret. Null when the organization has no such endpoint.
 */
export async function rotateWebhookSecret(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: EndpointReference,
  now: Date = new Date(),
): Promise<EndpointWithSecret | null> {
  const { endpointId } = endpointReferenceSchema.parse(input);
  const secret = generateWebhookSecret();
  return executor.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: webhookEndpoints.id, encryptedSecret: webhookEndpoints.encryptedSecret })
      .from(webhookEndpoints)
      .where(endpointOfOrganization(organizationId, endpointId))
      .for("update");
    if (!current) return null;
    const previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({
        encryptedSecret: await sealWebhookSecret(tx, { organizationId, rowId: current.id }, secret),
        encryptedPreviousSecret: current.encryptedSecret,
        previousSecretExpiresAt,
        secretCreatedAt: now,
        updatedBy: actor.type === "user" ? actor.id : null,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, current.id))
      .returning(endpointColumns);
    if (!endpoint) return null;
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: WEBHOOK_AUDIT_ACTIONS.secretRotated,
      targetType: WEBHOOK_ENDPOINT_TARGET_TYPE,
      targetId: endpoint.id,
      details: { url: endpoint.url, previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
    });
    return { endpoint, secret };
  });
}
