import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";

/**
 * Who did it: a console user (an administrator, or a person acting on their own things), an
 * API client, a person through a personal token, Latchkey itself, or — for a refused
 * authentication whose credentials proved nothing — nobody known.
 */
export const actorTypeEnum = pgEnum("actor_type", [
  "user",
  "client",
  "personal_token",
  "system",
  "anonymous",
]);
export const outcomeEnum = pgEnum("audit_outcome", ["success", "denied", "failure"]);

/**
 * Every administrative change and every security event (lib/audit/audit-action-catalogue.ts
 * lists the actions). Never holds a secret: no secret, token, password, nor any hash of one.
 *
 * `organization_id` is null only for security events that belong to no organization — a
 * refused authentication naming a client, token or email that does not exist, or a notice of
 * such events dropped. Every console query filters by one organization, so these rows are seen
 * by no organization's administrators; they are for the operator of the installation.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    actorType: actorTypeEnum("actor_type").notNull(),
    actorId: uuid("actor_id"),
    /** Human-readable actor at the time (an email, a client name, "anonymous"). */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    /** As the caller sent it, shortened and scrubbed of anything shaped like a credential. */
    userAgent: text("user_agent"),
    outcome: outcomeEnum("outcome").notNull().default("success"),
    /** Why a security event was refused (lib/audit/audit-reason-catalogue.ts); null otherwise. */
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  // The audit log reads one organization newest first, (created_at, id) being its keyset order
  // (lib/audit/audit-log-page.ts); each filter that can be rare has an index in that order, so a
  // page costs an index range scan at any depth. The free-text search (actor, target ID, address)
  // is a substring match: trigrams (pg_trgm) find rare terms without reading the organization's
  // every event. Retention prunes through the first index, organization by organization.
  (table) => [
    index("audit_events_organization_created_idx").on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_events_action_idx").on(
      table.organizationId,
      table.action,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_events_target_idx").on(
      table.organizationId,
      table.targetType,
      table.targetId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_events_actor_type_idx").on(
      table.organizationId,
      table.actorType,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_events_outcome_idx").on(
      table.organizationId,
      table.outcome,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    // The search's reason arm (`reason in (…)`): without it an OR of indexed arms falls back to a scan.
    index("audit_events_reason_idx")
      .on(table.organizationId, table.reason)
      .where(sql`${table.reason} is not null`),
    index("audit_events_text_search_idx").using(
      "gin",
      sql`${table.actorLabel} gin_trgm_ops`,
      sql`${table.targetId} gin_trgm_ops`,
      sql`${table.ip} gin_trgm_ops`,
    ),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type ActorType = (typeof actorTypeEnum.enumValues)[number];
export type AuditOutcome = (typeof outcomeEnum.enumValues)[number];
