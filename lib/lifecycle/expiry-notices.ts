import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database, Executor } from "@/lib/db/client";
import { organizations } from "@/lib/db/schema";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { getExpiryNoticeDays, listExpiringCredentials } from "./expiring-credentials";
import { expiryNoticeDaysSchema, thresholdFor } from "./expiry-notice-schema";

/** Sets the organization's expiry-notice thresholds; audited with from and to. */
export async function setExpiryNoticeDays(
  executor: Executor,
  organizationId: string,
  actor: AuditActor,
  input: { days: number[] },
): Promise<number[]> {
  const { days } = expiryNoticeDaysSchema.parse(input);
  return executor.transaction(async (tx) => {
    const current = await getExpiryNoticeDays(tx, organizationId);
    if (current.join(",") === days.join(",")) return days;
    await tx
      .update(organizations)
      .set({ expiryNoticeDays: days })
      .where(eq(organizations.id, organizationId));
    await recordAuditEvent(tx, {
      organizationId,
      actor,
      action: "organization.expiry_notices_changed",
      details: { from: current, to: days },
    });
    return days;
  });
}

/**
 * Tells each organization's webhooks about every personal token ("token.expiring") and client
 * secret ("client_secret.expiring") that lapses within one of its thresholds — once per
 * threshold: the notice's idempotency key names the credential and the threshold, so passes of
 * any number of processes, and restarts, send each notice once. A credential first seen inside
 * several thresholds is told only the nearest (5 days left: the 7-day notice, not the 30-day one).
 */
export async function sendExpiryNotices(db: Database, now: Date = new Date()): Promise<number> {
  const orgs = await db
    .select({ id: organizations.id, days: organizations.expiryNoticeDays })
    .from(organizations);
  let sent = 0;
  for (const org of orgs) {
    const expiring = await listExpiringCredentials(db, org.id, { now });
    for (const credential of expiring) {
      const threshold = thresholdFor(credential.daysLeft, org.days);
      if (threshold === null) continue;
      const type = credential.kind === "token" ? "token.expiring" : "client_secret.expiring";
      const data =
        credential.kind === "token"
          ? { token: { id: credential.id, name: credential.name, owner: credential.owner } }
          : {
              client: { clientId: credential.clientId, name: credential.name },
              secret: { id: credential.id },
            };
      const emitted = await emitWebhookEvent(
        db,
        org.id,
        type,
        {
          ...data,
          expiresAt: credential.expiresAt.toISOString(),
          daysLeft: credential.daysLeft,
          noticeDays: threshold,
        },
        { idempotencyKey: `${type}:${credential.id}:${threshold}`, now },
      );
      if (emitted) sent += 1;
    }
  }
  return sent;
}
