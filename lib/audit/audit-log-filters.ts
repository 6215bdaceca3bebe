import { and, eq, gte, ilike, inArray, lt, type SQL } from "drizzle-orm";
import type { ActorType, AuditOutcome } from "@/lib/db/schema";
import { auditEvents } from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/text-search";
import { type AuditAction, type AuditCategory, auditActionsIn } from "./audit-action-catalogue";
import { auditSearchCondition } from "./audit-log-search";

/**
 * What the audit log is narrowed to. The console page, its exports and GET /api/v1/audit-events
 * each read their own parameters into this one shape, and these conditions serve all three.
 */
export interface AuditLogFilters {
  actorType?: ActorType;
  /** Text anywhere in the actor's label (an email, "client Billing"), any case. */
  actor?: string;
  category?: AuditCategory;
  action?: AuditAction;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  /** The first and last day, both included: YYYY-MM-DD, in UTC. */
  from?: string;
  to?: string;
  /** Free text: an action's or reason's label, or text in the actor's label, the target ID or the address. */
  q?: string;
}

/** Substring search needs three characters: trigrams find nothing shorter, and a shorter one reads everything. */
export const MIN_SEARCH_LENGTH = 3;

const DAY_MS = 86_400_000;

/** Midnight UTC of a YYYY-MM-DD day. */
export function startOfUtcDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The filters as SQL conditions, beside the organization's own (which the caller adds). */
export function auditLogFilterConditions(filters: AuditLogFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.actorType ? eq(auditEvents.actorType, filters.actorType) : undefined,
    filters.actor ? ilike(auditEvents.actorLabel, containsPattern(filters.actor)) : undefined,
    filters.category ? inArray(auditEvents.action, auditActionsIn(filters.category)) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.targetType ? eq(auditEvents.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditEvents.targetId, filters.targetId) : undefined,
    filters.outcome ? eq(auditEvents.outcome, filters.outcome) : undefined,
    filters.from ? gte(auditEvents.createdAt, startOfUtcDay(filters.from)) : undefined,
    filters.to
      ? lt(auditEvents.createdAt, new Date(startOfUtcDay(filters.to).getTime() + DAY_MS))
      : undefined,
    auditSearchCondition(filters.q),
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/**
 * One organization's events matching the filters. Events of no organization (organization_id
 * null) never match: they are for the installation's operator, not for any organization.
 */
export function auditLogConditions(organizationId: string, filters: AuditLogFilters): SQL {
  return and(eq(auditEvents.organizationId, organizationId), ...auditLogFilterConditions(filters)) as SQL;
}

/** The filters that are set, for an export's own audit event and the page's links. */
export function activeFilters(filters: AuditLogFilters): Partial<Record<keyof AuditLogFilters, string>> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ""),
  ) as Partial<Record<keyof AuditLogFilters, string>>;
}
