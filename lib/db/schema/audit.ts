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
  (table) => [
    index("audit_events_organization_created_idx").on(table.organizationId, table.createdAt),
    index("audit_events_target_idx").on(table.organizationId, table.targetType, table.targetId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type ActorType = (typeof actorTypeEnum.enumValues)[number];
export type AuditOutcome = (typeof outcomeEnum.enumValues)[number];
