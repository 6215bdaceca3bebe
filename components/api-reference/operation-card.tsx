import { CopyableCode } from "./copyable-code";

export interface ReferenceOperation {
  method: string;
  path: string;
  summary: string;
  scope: string | undefined;
  parameters: Array<{ name: string; in: string; required: boolean; description?: string }>;
  hasBody: boolean;
}

function curlExample(baseUrl: string, operation: ReferenceOperation): string {
  const path = operation.path.replace("{id}", "$ID");
  const lines = [
    `curl -X ${operation.method} "${baseUrl}${path}"`,
    '  -H "Authorization: Bearer $ACCESS_TOKEN"',
  ];
  if (operation.hasBody) lines.push('  -H "Content-Type: application/json"', "  -d '{ … }'");
  return lines.join(" \\\n");
}

export function OperationCard({ baseUrl, operation }: { baseUrl: string; operation: ReferenceOperation }) {
  return (
    <article className="space-y-2 rounded-md border border-slate-200 p-4">
      <h3 className="flex flex-wrap items-baseline gap-2 font-mono text-sm">
        <span className="rounded bg-indigo-100 px-1.5 py-0.5 font-semibold text-indigo-900">
          {operation.method}
        </span>
        <span>{operation.path}</span>
      </h3>
      <p className="text-sm text-slate-700">
        {operation.summary}
        {operation.scope ? (
          <>
            {" "}
            — requires <code className="rounded bg-slate-100 px-1">{operation.scope}</code>
          </>
        ) : null}
      </p>
      {operation.parameters.length > 0 ? (
        <table className="text-xs">
          <caption className="sr-only">Parameters</caption>
          <tbody>
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}-${parameter.name}`}>
                <th scope="row" className="pr-3 text-left font-mono font-normal text-slate-800">
                  {parameter.name}
                </th>
                <td className="pr-3 text-slate-500">{parameter.in}</td>
                <td className="text-slate-600">{parameter.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <CopyableCode
        code={curlExample(baseUrl, operation)}
        label={`curl example for ${operation.method} ${operation.path}`}
      />
    </article>
  );
}
