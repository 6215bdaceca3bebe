import { type AuditDetailField, auditFieldLabel, auditValueText } from "@/lib/audit/describe-audit-details";

/** The event's other recorded details, as they were recorded. */
export function AuditEventFields({ fields }: { fields: readonly AuditDetailField[] }) {
  return (
    <dl className="grid max-w-4xl gap-x-6 gap-y-2 text-sm sm:grid-cols-[11rem_1fr]">
      {fields.map((field) => (
        <div key={field.field} className="contents">
          <dt className="font-medium text-slate-600">{auditFieldLabel(field.field)}</dt>
          <dd className="break-words text-slate-900">{auditValueText(field.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
