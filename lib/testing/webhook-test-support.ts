import { createHmac, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { auditEvents, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "@/lib/db/schema";
import { parseAllowHosts } from "@/lib/net/outbound/allow-hosts";
import { createHostUrlGuard } from "@/lib/outbound-credentials/outbound-host-url-guard";
import { createClientTestTenant } from "@/lib/testing/client-test-support";
import { outboundResources, tableResolver } from "@/lib/testing/outbound-test-support";
import { type AttemptOutcome, attemptWebhookDelivery } from "@/lib/webhooks/attempt-webhook-delivery";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import type { EndpointUrlGuard } from "@/lib/webhooks/endpoint-url-guard";
import type { WebhookDeliveryOptions } from "@/lib/webhooks/webhook-delivery-options";
import type { WebhookEventType } from "@/lib/webhooks/webhook-event-catalogue";

/** Helpers shared by the webhook tests (not a test itself). */

/** A guard that admits every URL, http included: for tests about storage and delivery, not the network checks. */
export const ADMIT_ANY_URL: EndpointUrlGuard = {
  checkHostUrl: async () => null,
  allowsPlainHttp: () => true,
};

/** Organizations made by createWebhookTestTenant since the last cleanup. */
const tenants = new Set<string>();

export async function createWebhookTestTenant() {
  const tenant = await createClientTestTenant();
  tenants.add(tenant.organizationId);
  return tenant;
}

/**
 * Cancels what the tests' organizations still have waiting, so that no later test's relay (they
 * take every organization's due deliveries, as in production) sends it with its own client.
 */
async function cancelLeftoverDeliveries(): Promise<void> {
  if (tenants.size === 0) return;
  const db = await getDb();
  await db
    .update(webhookDeliveries)
    .set({ status: "cancelled", nextAttemptAt: null, leaseExpiresAt: null })
    .where(
      and(
        inArray(webhookDeliveries.organizationId, [...tenants]),
        inArray(webhookDeliveries.status, ["pending", "sending"]),
      ),
    );
  tenants.clear();
}

export async function createTestEndpoint(
  organizationId: string,
  actor: AuditActor,
  url: string,
  eventTypes: WebhookEventType[] = ["data_flow.failed"],
) {
  return createWebhookEndpoint(await getDb(), organizationId, actor, { url, eventTypes }, ADMIT_ANY_URL);
}

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type ReceiverAnswer = { status: number; delayMs?: number };

/**
 * A webhook receiver on loopback (node:http) answering each request as `answer` says (by the
 * request's index), and recording each request's headers and body.
 */
export function webhookReceivers() {
  const resources = outboundResources();
  return {
    async receiver(answer: (index: number) => ReceiverAnswer = () => ({ status: 200 })) {
      const received: ReceivedWebhook[] = [];
      const server = await resources.server((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          const index = received.length;
          received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
          const { status, delayMs } = answer(index);
          const reply = () => {
            if (response.destroyed) return;
            response.statusCode = status;
            response.end(status < 300 ? "ok" : "nope");
          };
          if (delayMs) setTimeout(reply, delayMs);
          else reply();
        });
      });
      const client = resources.client({ allowHosts: parseAllowHosts(server.hostPort) });
      return { url: `http://${server.hostPort}/hooks/latchkey`, server, received, client };
    },
    /** The network guard the console uses, over a client that resolves names from `names`. */
    guard(names: Record<string, string[]> = {}, allowHostsText = "") {
      const allowHosts = parseAllowHosts(allowHostsText);
      const client = resources.client({ allowHosts, resolveHost: tableResolver(names) });
      return { guard: createHostUrlGuard({ checkUrl: client.checkUrl, allowHosts }), client };
    },
    /** Closes the receivers and clients, and cancels the deliveries the tests left waiting. */
    async cleanup() {
      await resources.cleanup();
      await cancelLeftoverDeliveries();
    },
  };
}

/**
 * The Standard Webhooks verification, written from the specification with node:crypto (not
 * with the library that signs): HMAC-SHA256 over `${id}.${timestamp}.${body}` keyed with the
 * base64-decoded part of the secret after `whsec_`, compared with each `v1,` signature of the
 * space-separated header. Returns which of the secrets produced a signature in the header.
 */
export function verifyStandardWebhook(secrets: readonly string[], received: ReceivedWebhook): boolean[] {
  const id = String(received.headers["webhook-id"] ?? "");
  const timestamp = String(received.headers["webhook-timestamp"] ?? "");
  const signatures = String(received.headers["webhook-signature"] ?? "")
    .split(" ")
    .filter((entry) => entry.startsWith("v1,"))
    .map((entry) => Buffer.from(entry.slice(3), "base64"));
  return secrets.map((secret) => {
    if (!secret.startsWith("whsec_")) throw new Error("not a whsec_ secret");
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${received.body}`).digest();
    return signatures.some(
      (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
    );
  });
}

/**
 * Makes the attempts of this endpoint's deliveries that are due by the clock, one after the
 * other, as the queue's worker would (the relay is left out: it takes every organization's).
 */
export async function deliverDueOf(
  endpointId: string,
  options: WebhookDeliveryOptions & { now: () => Date },
): Promise<AttemptOutcome[]> {
  const db = await getDb();
  const due = await db
    .select({ id: webhookDeliveries.id, attemptCount: webhookDeliveries.attemptCount })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, options.now()),
      ),
    )
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
  const outcomes: AttemptOutcome[] = [];
  for (const delivery of due)
    outcomes.push(
      await attemptWebhookDelivery(
        db,
        { deliveryId: delivery.id, attempt: delivery.attemptCount + 1 },
        options,
      ),
    );
  return outcomes;
}

/** A clock tests move by hand, starting at a whole second. */
export function manualClock(start = new Date(Math.floor(Date.now() / 1000) * 1000)) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date: Date) => {
      current = date.getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export async function readDelivery(deliveryId: string) {
  const db = await getDb();
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!delivery) throw new Error(`no delivery ${deliveryId}`);
  return delivery;
}

export async function deliveriesOfEndpoint(endpointId: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
}

export async function attemptsOf(deliveryId: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookDeliveryAttempts.attempt));
}

export async function readEndpoint(endpointId: string) {
  const db = await getDb();
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint) throw new Error(`no endpoint ${endpointId}`);
  return endpoint;
}

export async function endpointAuditEvents(organizationId: string, endpointId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.targetId, endpointId)))
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));
}
