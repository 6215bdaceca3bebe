import type { ReactNode } from "react";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES, isAuditAction } from "@/lib/audit/audit-action-catalogue";
import { AUDIT_ACTOR_TYPES, auditTargetTypeLabel } from "@/lib/audit/audit-field-labels";
import { auditReasonLabel } from "@/lib/audit/audit-reason-catalogue";
import type { AuditLogEvent } from "@/lib/audit/read-audit-events";
import { AuditOutcomeBadge } from "./audit-outcome-badge";
import { formatUtc } from "./format-utc";

function Entry({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </>
  );
}

function Key({ value }: { value: string }) {
  return <span className="ml-2 font-mono text-xs text-slate-500">{value}</span>;
}

const none = <span className="text-slate-500">None</span>;

/** Every field of one event: when, what, who, to what, from where, how it ended and why. */
export function AuditEventSummary({ event }: { event: AuditLogEvent }) {
  const category = isAuditAction(event.action)
    ? AUDIT_CATEGORIES[AUDIT_ACTIONS[event.action].category]
    : null;
  return (
    <dl className="mb-8 grid max-w-4xl gap-x-6 gap-y-2 text-sm sm:grid-cols-[11rem_1fr]">
      <Entry term="Time (UTC)">
        <time dateTime={event.createdAt.toISOString()}>{formatUtc(event.createdAt)}</time>
      </Entry>
      <Entry term="Action">
        {isAuditAction(event.action) ? AUDIT_ACTIONS[event.action].label : event.action}
        <Key value={event.action} />
      </Entry>
      <Entry term="Category">{category ?? none}</Entry>
      <Entry term="Outcome">
        <AuditOutcomeBadge outcome={event.outcome} />
      </Entry>
      <Entry term="Reason">
        {event.reason ? (
          <>
            {auditReasonLabel(event.reason)}
            <Key value={event.reason} />
          </>
        ) : (
          none
        )}
      </Entry>
      <Entry term="Actor">{event.actorLabel}</Entry>
      <Entry term="Actor type">{AUDIT_ACTOR_TYPES[event.actorType]}</Entry>
      <Entry term="Actor ID">
        {event.actorId ? <span className="font-mono">{event.actorId}</span> : none}
      </Entry>
      <Entry term="Target type">{event.targetType ? auditTargetTypeLabel(event.targetType) : none}</Entry>
      <Entry term="Target ID">
        {event.targetId ? <span className="break-all font-mono">{event.targetId}</span> : none}
      </Entry>
      <Entry term="Address">{event.ip ? <span className="font-mono">{event.ip}</span> : none}</Entry>
      <Entry term="User agent">{event.userAgent ?? none}</Entry>
      <Entry term="Event ID">
        <span className="font-mono">{event.id}</span>
      </Entry>
    </dl>
  );
}
