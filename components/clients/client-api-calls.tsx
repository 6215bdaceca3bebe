interface ApiCall {
  id: string;
  method: string;
  path: string;
  status: number;
  ip: string;
  durationMs: number;
  tokenId: string | null;
  credential: string;
  createdAt: Date;
}

const CREDENTIAL_LABELS: Record<string, string> = {
  access_token: "Access token",
  client_secret_headers: "api-key / api-secret",
};

/** The client's latest resource API calls, as recorded by the API audit log. */
export function ClientApiCalls({
  calls,
  format,
}: {
  calls: readonly ApiCall[];
  format: (date: Date) => string;
}) {
  if (calls.length === 0)
    return <p className="text-sm text-slate-600">This client has not called the API yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Latest API calls of this client</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Time", "Request", "Status", "From", "Credential", "Duration"].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {calls.map((call) => (
            <tr key={call.id}>
              <td className="px-3 py-1.5 whitespace-nowrap">{format(call.createdAt)}</td>
              <td className="px-3 py-1.5 font-mono text-xs">
                {call.method} {call.path}
              </td>
              <td className={`px-3 py-1.5 ${call.status >= 400 ? "text-red-700" : "text-emerald-800"}`}>
                {call.status}
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">{call.ip}</td>
              <td className="px-3 py-1.5" title={call.tokenId ? `Token ${call.tokenId}` : undefined}>
                {CREDENTIAL_LABELS[call.credential] ?? call.credential}
              </td>
              <td className="px-3 py-1.5">{call.durationMs.toFixed(1)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
