import {
  AUDIT_ACTIONS,
  AUDIT_CATEGORIES,
  type AuditCategory,
  auditActionsIn,
} from "@/lib/audit/audit-action-catalogue";
import { AUDIT_ACTOR_TYPES, AUDIT_OUTCOMES, AUDIT_TARGET_TYPES } from "@/lib/audit/audit-field-labels";
import type { AuditLogParams } from "@/lib/audit/audit-log-params";
import type { AuditLogFilterOptions, AuditLogFilterValues } from "./audit-log-filters";

const entries = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The filters' choices, from the catalogues: actions grouped by category, each group selectable whole. */
export function auditLogFilterOptions(): AuditLogFilterOptions {
  return {
    actorTypes: entries(AUDIT_ACTOR_TYPES),
    actionGroups: (Object.keys(AUDIT_CATEGORIES) as AuditCategory[]).map((category) => ({
      label: AUDIT_CATEGORIES[category],
      options: [
        { value: `category:${category}`, label: `Every ${AUDIT_CATEGORIES[category].toLowerCase()} action` },
        ...auditActionsIn(category).map((action) => ({ value: action, label: AUDIT_ACTIONS[action].label })),
      ],
    })),
    targetTypes: entries(AUDIT_TARGET_TYPES),
    outcomes: entries(AUDIT_OUTCOMES),
  };
}

/** The form's values from the URL's. */
export function auditLogFilterValues(params: AuditLogParams): AuditLogFilterValues {
  return {
    actorType: params.actorType ?? "",
    actor: params.actor,
    action: params.action ?? (params.category ? `category:${params.category}` : ""),
    targetType: params.targetType ?? "",
    targetId: params.targetId,
    outcome: params.outcome ?? "",
    from: params.from ?? "",
    to: params.to ?? "",
  };
}
