import { z } from "zod";
import { AUDIT_ACTION_KEYS, AUDIT_CATEGORIES, type AuditAction } from "@/lib/audit/audit-action-catalogue";
import { auditLogFilterConditions, MIN_SEARCH_LENGTH } from "@/lib/audit/audit-log-filters";
import { actorTypeEnum, auditEvents, outcomeEnum } from "@/lib/db/schema";
import { isPrintableLine, NO_CONTROL_CHARACTERS } from "@/lib/validation/text-fields";
import { enumOf, exactFilter } from "../api-fields";
import { defineResource } from "../resource-definition";

/** Substring filters: three characters at least, as the console's search (MIN_SEARCH_LENGTH). */
const textFilter = z
  .string()
  .trim()
  .min(MIN_SEARCH_LENGTH, `Must be at least ${MIN_SEARCH_LENGTH} characters`)
  .max(200, "Must be 200 characters or fewer")
  .refine(isPrintableLine, NO_CONTROL_CHARACTERS)
  .optional();

const utcDay = z.iso.date({ error: "Must be a date: YYYY-MM-DD" }).optional();

/**
 * The organization's audit log, read-only: administrative changes and security events, with
 * the console's filters under the API's names. Newest first by default; `sort=created_at` reads
 * oldest first, and the last page's cursor then picks up the events written since (security
 * events arrive in batches, a few seconds after they happened). Events of no organization are
 * never listed: every read is filtered by the caller's organization.
 */
export const auditEventResource = defineResource({
  key: "audit_events",
  noun: "audit_event",
  table: auditEvents,
  filters: z.strictObject({
    actor_type: enumOf(actorTypeEnum.enumValues).optional(),
    actor: textFilter.describe("Case-insensitive text in the actor's label (an email, a client's name)."),
    category: enumOf(Object.keys(AUDIT_CATEGORIES) as [string, ...string[]]).optional(),
    action: enumOf(AUDIT_ACTION_KEYS as [AuditAction, ...AuditAction[]]).optional(),
    target_type: exactFilter(100).describe("The exact target type (api_client, user, role, …)."),
    target_id: exactFilter(200).describe("The exact target ID."),
    outcome: enumOf(outcomeEnum.enumValues).optional(),
    from: utcDay.describe("Events on or after this day (UTC)."),
    to: utcDay.describe("Events on or before this day (UTC)."),
    q: textFilter.describe(
      "Case-insensitive text in an action's or reason's label, the actor's label, the target ID or the address.",
    ),
  }),
  where: (filters) =>
    auditLogFilterConditions({
      actorType: filters.actor_type,
      actor: filters.actor,
      category: filters.category as keyof typeof AUDIT_CATEGORIES | undefined,
      action: filters.action,
      targetType: filters.target_type,
      targetId: filters.target_id,
      outcome: filters.outcome,
      from: filters.from,
      to: filters.to,
      q: filters.q,
    }),
  sorts: { created_at: auditEvents.createdAt },
  defaultSort: "-created_at",
});
