import { ALL_SCOPES, OPERATION_LABELS, RESOURCES, type Scope } from "@/lib/permissions/catalogue";
import { SCOPES_USED_DAYS } from "@/lib/usage/client-usage";

function scopeLabel(scope: Scope): string {
  const [key, operation] = scope.split(":") as [string, keyof typeof OPERATION_LABELS];
  const resource = RESOURCES.find((candidate) => candidate.key === key);
  return `${resource?.label ?? key} ${OPERATION_LABELS[operation] ?? operation}`;
}

/**
 * The scopes the client is granted beside those it used (allowed API calls in the last
 * SCOPES_USED_DAYS days): a granted scope never used is one it may not need.
 */
export function ClientScopesUsed({
  granted,
  used,
}: {
  granted: readonly Scope[];
  used: ReadonlyMap<Scope, number>;
}) {
  const scopes = ALL_SCOPES.filter((scope) => granted.includes(scope) || used.has(scope));
  const grantedUsed = granted.filter((scope) => used.has(scope)).length;
  if (scopes.length === 0)
    return <p className="text-sm text-slate-600">This client is granted no scopes and used none.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Used {grantedUsed} of {granted.length} granted {granted.length === 1 ? "scope" : "scopes"} in the last{" "}
        {SCOPES_USED_DAYS} days.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Scopes used and granted</caption>
          <thead className="bg-slate-50">
            <tr>
              {["Scope", "Granted", `Allowed calls, ${SCOPES_USED_DAYS} days`].map((heading) => (
                <th key={heading} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {scopes.map((scope) => {
              const calls = used.get(scope);
              return (
                <tr key={scope}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {scopeLabel(scope)} <code className="font-mono text-xs text-slate-500">{scope}</code>
                  </th>
                  <td className="px-3 py-1.5">{granted.includes(scope) ? "Yes" : "No longer"}</td>
                  <td className="px-3 py-1.5 tabular-nums">
                    {calls === undefined ? "Not used" : calls.toLocaleString("en")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
