import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import {
  ATTENTION_REFUSALS,
  ATTENTION_REFUSED_SHARE,
  type ClientTraffic,
  DASHBOARD_DAYS,
  type SecretInGrace,
} from "@/lib/usage/organization-usage";
import { totalOf } from "@/lib/usage/usage-outcomes";
import { UsageChart } from "./usage-chart";
import type { UsageChartData } from "./usage-chart-data";
import { UsageTable } from "./usage-table";

const clientHref = (clientId: string) => `/admin/api-settings/clients/${encodeURIComponent(clientId)}`;
const plural = (count: number, noun: string) =>
  `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
const percent = (part: number, whole: number) =>
  whole === 0 ? "0 %" : `${Math.round((part / whole) * 100)} %`;

function TopClients({ clients }: { clients: readonly ClientTraffic[] }) {
  if (clients.length === 0)
    return <p className="text-sm text-slate-600">No client made requests in this period.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Top clients by requests, last {DASHBOARD_DAYS} days</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Client", "Requests", "Refused", "Refused share"].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((client) => (
            <tr key={client.clientId}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <Link href={clientHref(client.clientId)} className="text-indigo-700 underline">
                  {client.name}
                </Link>
              </th>
              <td className="px-3 py-1.5 tabular-nums">{client.total.toLocaleString("en")}</td>
              <td className="px-3 py-1.5 tabular-nums">{client.refused.toLocaleString("en")}</td>
              <td className="px-3 py-1.5 tabular-nums">{percent(client.refused, client.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NeedsAttention({
  refusedOften,
  secretsInGrace,
}: {
  refusedOften: readonly ClientTraffic[];
  secretsInGrace: readonly SecretInGrace[];
}) {
  if (refusedOften.length === 0 && secretsInGrace.length === 0)
    return <p className="text-sm text-slate-600">Nothing needs attention.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {refusedOften.map((client) => (
        <li
          key={`refused-${client.clientId}`}
          className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900"
        >
          <Link href={clientHref(client.clientId)} className="font-medium underline">
            {client.name}
          </Link>
          : refused {client.refused.toLocaleString("en")} of {client.total.toLocaleString("en")} requests (
          {percent(client.refused, client.total)}) in the last {DASHBOARD_DAYS} days.
        </li>
      ))}
      {secretsInGrace.map((secret) => (
        <li
          key={`grace-${secret.secretId}`}
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
        >
          <Link href={`${clientHref(secret.clientId)}#client-secrets`} className="font-medium underline">
            {secret.name}
          </Link>
          : old secret <span className="font-mono">{secret.displayPrefix}…</span> works until{" "}
          {formatDateTime(secret.expiresAt)};{" "}
          {secret.lastUsedAt
            ? `since the rotation ${plural(secret.apiCalls, "API call")} and ${plural(secret.tokensIssued, "token")} used it, last ${formatDateTime(secret.lastUsedAt)}.`
            : "not used since the rotation."}
        </li>
      ))}
    </ul>
  );
}

/**
 * The organization's API traffic for console administrators: requests by outcome per day, the
 * busiest clients, and what needs attention (clients refused often, old secrets still working).
 */
export function OrganizationUsage({
  traffic,
  topClients,
  refusedOften,
  secretsInGrace,
}: {
  traffic: UsageChartData;
  topClients: readonly ClientTraffic[];
  refusedOften: readonly ClientTraffic[];
  secretsInGrace: readonly SecretInGrace[];
}) {
  return (
    <div className="mt-8 grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="api-traffic-heading" className="space-y-3 lg:col-span-2">
        <h2 id="api-traffic-heading" className="text-lg font-semibold">
          API traffic, last {DASHBOARD_DAYS} days
        </h2>
        {totalOf(traffic.totals) === 0 ? (
          <p className="text-sm text-slate-600">No API requests in this period.</p>
        ) : (
          <>
            <UsageChart data={traffic} />
            <UsageTable
              data={traffic}
              caption={`API traffic of the organization per day, last ${DASHBOARD_DAYS} days`}
            />
          </>
        )}
      </section>
      <section aria-labelledby="top-clients-heading" className="space-y-3">
        <h2 id="top-clients-heading" className="text-lg font-semibold">
          Top clients
        </h2>
        <TopClients clients={topClients} />
      </section>
      <section aria-labelledby="needs-attention-heading" className="space-y-3">
        <h2 id="needs-attention-heading" className="text-lg font-semibold">
          Needs attention
        </h2>
        <p className="text-xs text-slate-600">
          Clients with {ATTENTION_REFUSALS} or more refusals, or {Math.round(ATTENTION_REFUSED_SHARE * 100)} %
          of their requests refused, in the last {DASHBOARD_DAYS} days; old secrets still in their grace
          period.
        </p>
        <NeedsAttention refusedOften={refusedOften} secretsInGrace={secretsInGrace} />
      </section>
    </div>
  );
}
