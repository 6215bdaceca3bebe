import {
  AUTHENTICATION_METHOD_KEYS,
  AUTHENTICATION_METHODS,
  isMethodAllowed,
} from "@/lib/api/auth/method-catalogue";
import { failureBudgetSummary } from "@/lib/limits/limit-catalogue";
import { SECURITY_LEVEL_LABELS, SECURITY_LEVELS } from "@/lib/organizations/security-level";

/** Which ways of authenticating each security level accepts, from the rule the API enforces. */
export function MethodsByLevelTable() {
  return (
    <table className="min-w-full text-sm">
      <caption className="sr-only">Authentication methods by security level</caption>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className="px-5 py-2 text-left font-semibold">
            Method
          </th>
          {SECURITY_LEVELS.map((level) => (
            <th key={level} scope="col" className="px-5 py-2 text-left font-semibold">
              {SECURITY_LEVEL_LABELS[level]}
            </th>
          ))}
          <th scope="col" className="px-5 py-2 text-left font-semibold">
            Wrong attempts
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {AUTHENTICATION_METHOD_KEYS.map((method) => (
          <tr key={method}>
            <th scope="row" className="px-5 py-2 text-left font-normal">
              {AUTHENTICATION_METHODS[method].label}
            </th>
            {SECURITY_LEVELS.map((level) => (
              <td key={level} className="px-5 py-2">
                {isMethodAllowed(level, method) ? (
                  "Accepted"
                ) : (
                  <span className="text-slate-500">Refused</span>
                )}
              </td>
            ))}
            <td className="px-5 py-2 text-slate-600">
              {failureBudgetSummary(AUTHENTICATION_METHODS[method].failureBudget)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
