import { AUDIT_OUTCOMES } from "@/lib/audit/audit-field-labels";
import type { AuditOutcome } from "@/lib/db/schema";

const STYLES: Record<AuditOutcome, string> = {
  success: "bg-emerald-50 text-emerald-800",
  denied: "bg-amber-100 text-amber-900",
  failure: "bg-red-50 text-red-800",
};

/** How an event ended, in words (the colour only repeats them). */
export function AuditOutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[outcome]}`}>
      {AUDIT_OUTCOMES[outcome]}
    </span>
  );
}
