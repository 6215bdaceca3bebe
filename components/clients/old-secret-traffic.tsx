import type { ClientSecretSummary } from "@/lib/clients/find-client";
import type { OldSecretTraffic } from "@/lib/usage/client-usage";

/**
 * For each old secret still in its grace period: the calls and tokens that still use it since
 * it was rotated out, from which addresses, and when last — so an administrator knows whether
 * the program has switched and the old secret can be stopped.
 */
export function OldSecretTrafficPanel({
  secrets,
  traffic,
  format,
}: {
  secrets: readonly ClientSecretSummary[];
  traffic: ReadonlyMap<string, OldSecretTraffic>;
  format: (date: Date) => string;
}) {
  if (secrets.length === 0) return null;
  return (
    <section
      aria-labelledby="old-secret-traffic"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h3 id="old-secret-traffic" className="font-semibold text-amber-950">
        Old secret still in use?
      </h3>
      {secrets.map((secret) => {
        const used = traffic.get(secret.id);
        return (
          <div key={secret.id} className="space-y-2 text-sm text-amber-950">
            <p>
              <span className="font-mono">{secret.displayPrefix}…</span>
              {secret.expiresAt ? ` works until ${format(secret.expiresAt)}.` : null}{" "}
              {used
                ? `Since it was rotated out: ${used.apiCalls.toLocaleString("en")} API ${used.apiCalls === 1 ? "call" : "calls"} and ${used.tokensIssued.toLocaleString("en")} ${used.tokensIssued === 1 ? "token" : "tokens"} issued; last used ${format(used.lastUsedAt)}.`
                : "Not used since it was rotated out: nothing still depends on it as far as Latchkey has seen (counts are written every few seconds)."}
            </p>
            {used && used.addresses.length > 0 ? (
              <div className="overflow-x-auto rounded border border-amber-200 bg-white">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">
                    Addresses that used the old secret {secret.displayPrefix}
                  </caption>
                  <thead className="bg-amber-100/60">
                    <tr>
                      {["Address", "Uses", "Last used", "User agent"].map((heading) => (
                        <th key={heading} scope="col" className="px-3 py-1.5 text-left font-semibold">
                          {heading}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-amber-100">
                    {used.addresses.map((address) => (
                      <tr key={address.ip}>
                        <td className="px-3 py-1.5 font-mono text-xs">{address.ip}</td>
                        <td className="px-3 py-1.5 tabular-nums">{address.uses.toLocaleString("en")}</td>
                        <td className="px-3 py-1.5">{format(address.lastUsedAt)}</td>
                        <td className="max-w-xs truncate px-3 py-1.5" title={address.userAgent}>
                          {address.userAgent || "None sent"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
