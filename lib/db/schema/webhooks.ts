import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { WebhookEventType } from "../../webhooks/webhook-event-catalogue";
import { createdAt, organizationId, updatedAt } from "./columns";
import { users } from "./identity";

/** Why an endpoint is disabled: an administrator said so, or Latchkey did after 5 days of failures. */
export const webhookDisabledReasonEnum = pgEnum("webhook_disabled_reason", ["manual", "failing"]);
/** What made a delivery: an emitted event, "Send test event", or "Redeliver". */
export const webhookDeliveryTriggerEnum = pgEnum("webhook_delivery_trigger", ["event", "test", "redeliver"]);
/**
 * pending: waiting for its next attempt (the first or a retry); sending: an attempt is in
 * flight; succeeded: an attempt was answered 2xx; failed: every attempt failed; cancelled: not
 * sent because its endpoint was disabled.
 */
export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", [
  "pending",
  "sending",
  "succeeded",
  "failed",
  "cancelled",
]);
export const webhookAttemptOutcomeEnum = pgEnum("webhook_attempt_outcome", ["succeeded", "failed"]);

/**
 * An HTTPS URL an organization registers to hear about events. Its signing secrets are sealed
 * under the organization's data key, bound to this row (lib/webhooks/webhook-secret.ts); during
 * a rotation the previous one keeps signing until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    /** Made by Latchkey before the insert: the sealed secrets are bound to it. */
    id: uuid("id").primaryKey(),
    organizationId: organizationId(),
    /** As the URL parser writes it; passed the outbound client's checks when saved. */
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Keys of lib/webhooks/webhook-event-catalogue.ts (jsonb: the schema keeps no arrays). */
    eventTypes: jsonb("event_types").$type<WebhookEventType[]>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: webhookDisabledReasonEnum("disabled_reason"),
    /** Who disabled it (an administrator's email, or "Latchkey"). */
    disabledBy: text("disabled_by"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    encryptedSecret: text("encrypted_secret").notNull(),
    /** The secret before the last rotation, still signing until previous_secret_expires_at. */
    encryptedPreviousSecret: text("encrypted_previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    secretCreatedAt: timestamp("secret_created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The first failed attempt since the last success; null while deliveries succeed. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (table) => [index("webhook_endpoints_organization_created_idx").on(table.organizationId, table.createdAt)],
);

/**
 * One event as sent: its id is the `webhook-id` header, the same for every endpoint, attempt
 * and redelivery of it. An idempotency key, when the sender gives one, makes a second emit of
 * the same event in the organization a no-op.
 */
export const webhookMessages = pgTable(
  "webhook_messages",
  {
    /** `msg_` and 32 hex characters. */
    id: text("id").primaryKey(),
    organizationId: organizationId(),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The body's `timestamp`: when the event happened. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("webhook_messages_organization_idempotency_unique")
      .on(table.organizationId, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
  ],
);

/**
 * One message to one endpoint: the outbox row that emitting writes in the sender's transaction.
 * The relay hands due rows to the pg-boss queue; an attempt is made only by the worker that
 * moves the row from pending to sending for that attempt number, so each happens once.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    messageId: text("message_id")
      .notNull()
      .references(() => webhookMessages.id, { onDelete: "cascade" }),
    trigger: webhookDeliveryTriggerEnum("trigger").notNull().default("event"),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    /** Attempts started so far. */
    attemptCount: integer("attempt_count").notNull().default(0),
    /** When the next attempt is due (while pending). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** The attempt number a job was last queued for, and when: the relay's outbox marker. */
    queuedAttempt: integer("queued_attempt").notNull().default(0),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    /** While sending: past this, the attempt's worker is presumed gone and the relay records it failed. */
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastResponseMs: integer("last_response_ms"),
    lastError: text("last_error"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("webhook_deliveries_endpoint_created_idx").on(table.endpointId, table.createdAt),
    index("webhook_deliveries_due_idx").on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index("webhook_deliveries_sending_idx").on(table.leaseExpiresAt).where(sql`${table.status} = 'sending'`),
    index("webhook_deliveries_organization_idx").on(table.organizationId),
  ],
);

/** Each attempt of a delivery, as the delivery log shows it. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    outcome: webhookAttemptOutcomeEnum("outcome").notNull(),
    statusCode: integer("status_code"),
    responseMs: integer("response_ms"),
    /** Latchkey's own sentence for a failure; never text the endpoint sent. */
    error: text("error"),
    /** When the attempt after this one is due; null when there is none. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("webhook_delivery_attempts_delivery_attempt_unique").on(table.deliveryId, table.attempt),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttempt = typeof webhookDeliveryAttempts.$inferSelect;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatusEnum.enumValues)[number];
export type WebhookDeliveryTrigger = (typeof webhookDeliveryTriggerEnum.enumValues)[number];
export type WebhookDisabledReason = (typeof webhookDisabledReasonEnum.enumValues)[number];
