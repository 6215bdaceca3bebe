import type { TargetAuditEvent } from "@/lib/audit/list-audit-events-for-target";

/**
 * The recent audit events of one target, newest first: when, what (by `actionLabels`), who and
 * from where, and a one-line summary of the event's audited details (which never hold a secret).
 */
export function AuditEventList({
  events,
  format,
  actionLabels,
  summarize,
}: {
  events: readonly TargetAuditEvent[];
  format: (date: Date) => string;
  actionLabels: Readonly<Record<string, string>>;
  summarize: (event: TargetAuditEvent) => string;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No recorded activity.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
      {events.map((event) => {
        const summary = summarize(event);
        return (
          <li key={event.id} className="flex flex-wrap gap-x-4 gap-y-1 px-4 py-2.5">
            <time dateTime={event.createdAt.toISOString()} className="w-44 shrink-0 text-slate-500">
              {format(event.createdAt)}
            </time>
            <span className="w-40 shrink-0 font-medium">{actionLabels[event.action] ?? event.action}</span>
            <span className="text-slate-700">
              by {event.actorLabel}
              {event.ip ? ` from ${event.ip}` : ""}
              {event.outcome === "success" ? "" : ` (${event.outcome})`}
            </span>
            {summary ? (
              <span className="basis-full text-xs text-slate-600 sm:pl-[22rem]">{summary}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
