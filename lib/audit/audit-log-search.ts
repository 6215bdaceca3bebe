import { ilike, inArray, or, type SQL } from "drizzle-orm";
import { auditEvents } from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/text-search";
import { AUDIT_ACTION_KEYS, AUDIT_ACTIONS, type AuditAction } from "./audit-action-catalogue";
import { AUDIT_REASONS, type AuditReason } from "./audit-reason-catalogue";

const REASON_KEYS = Object.keys(AUDIT_REASONS) as AuditReason[];

function mentions(needle: string, ...texts: string[]): boolean {
  return texts.some((text) => text.toLowerCase().includes(needle));
}

/** The actions whose label or name contains the text ("refused", "Client created", "api_client."). */
export function actionsMatching(text: string): AuditAction[] {
  const needle = text.toLowerCase();
  return AUDIT_ACTION_KEYS.filter((action) => mentions(needle, AUDIT_ACTIONS[action].label, action));
}

/** The reasons whose label or name contains the text ("wrong secret", "rate"). */
export function reasonsMatching(text: string): AuditReason[] {
  const needle = text.toLowerCase();
  return REASON_KEYS.filter((reason) => mentions(needle, AUDIT_REASONS[reason], reason));
}

/**
 * The free-text search: the text anywhere in the actor's label, the target ID or the address
 * (trigram-indexed substring matches), or an action or reason whose label contains it — the
 * database holds their keys, so the labels are looked up here and become `in (…)` lists. An arm
 * that matches no label is left out rather than written as an empty list: every arm of the OR is
 * then indexed, and the database can combine the indexes instead of reading every event.
 */
export function auditSearchCondition(query: string | undefined): SQL | undefined {
  if (!query) return undefined;
  const pattern = containsPattern(query);
  const actions = actionsMatching(query);
  const reasons = reasonsMatching(query);
  return or(
    ilike(auditEvents.actorLabel, pattern),
    ilike(auditEvents.targetId, pattern),
    ilike(auditEvents.ip, pattern),
    actions.length > 0 ? inArray(auditEvents.action, actions) : undefined,
    reasons.length > 0 ? inArray(auditEvents.reason, reasons) : undefined,
  );
}
