import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, organizationId } from "./columns";

export const actorTypeEnum = pgEnum("actor_type", ["user", "client", "personal_token", "system"]);
export const outcomeEnum = pgEnum("audit_outcome", ["success", "denied", "failure"]);

/** Every administrative change and notable access decision. Never holds a secret. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    organizationId: organizationId(),
    actorType: actorTypeEnum("actor_type").notNull(),
    actorId: uuid("actor_id"),
    /** Human-readable actor at the time (an email, a client name). */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    outcome: outcomeEnum("outcome").notNull().default("success"),
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
