import { type AuditChange, auditFieldLabel, auditValueText } from "@/lib/audit/describe-audit-details";

function ListEdit({ added, removed }: { added: unknown[]; removed: unknown[] }) {
  return (
    <ul className="space-y-0.5">
      {added.map((entry) => (
        <li key={`+${auditValueText(entry)}`} className="text-emerald-900">
          <span className="font-medium">Added:</span> {auditValueText(entry)}
        </li>
      ))}
      {removed.map((entry) => (
        <li key={`-${auditValueText(entry)}`} className="text-red-900">
          <span className="font-medium">Removed:</span> {auditValueText(entry)}
        </li>
      ))}
      {added.length + removed.length === 0 ? <li>Reordered</li> : null}
    </ul>
  );
}

/** What a change did, field by field: before and after, or what was added and removed. */
export function AuditEventChanges({ changes }: { changes: readonly AuditChange[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">What the event changed</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
              Field
            </th>
            <th scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
              Before
            </th>
            <th scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row" className="px-4 py-2.5 text-left align-top font-medium">
                {auditFieldLabel(change.field)}
              </th>
              {change.kind === "value" ? (
                <>
                  <td className="break-words px-4 py-2.5 align-top text-slate-700">
                    <del className="decoration-red-700">{auditValueText(change.from)}</del>
                  </td>
                  <td className="break-words px-4 py-2.5 align-top text-slate-900">
                    <ins className="no-underline">{auditValueText(change.to)}</ins>
                  </td>
                </>
              ) : (
                <td colSpan={2} className="px-4 py-2.5 align-top">
                  <ListEdit added={change.added} removed={change.removed} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
