import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import type { WebhookEndpointListItem } from "@/lib/webhooks/webhook-queries";
import { EndpointStatusBadge } from "./endpoint-status-badge";
import { deliveryStatusLabel, endpointStatusText, eventLabels } from "./webhook-labels";
import { endpointPath } from "./webhook-paths";

const CELL = "px-3 py-2 align-top";

function LastDeliveryCell({ endpoint }: { endpoint: WebhookEndpointListItem }) {
  const last = endpoint.lastDelivery;
  if (!last) return <span className="text-slate-500">None yet</span>;
  const code = last.statusCode === null ? "" : ` · HTTP ${last.statusCode}`;
  return (
    <>
      <span className="whitespace-nowrap">{formatDateTime(last.at)}</span>
      <span className="block text-xs text-slate-600">
        {deliveryStatusLabel(last.status, last.attemptCount)}
        {code}
      </span>
    </>
  );
}

/** The organization's webhook endpoints: URL, events, status and why, and the last delivery. */
export function WebhookEndpointsTable({ endpoints }: { endpoints: readonly WebhookEndpointListItem[] }) {
  if (endpoints.length === 0) {
    return (
      <div className="max-w-xl space-y-2 text-sm text-slate-700">
        <p className="font-medium text-slate-900">No webhook endpoints yet.</p>
        <p>
          An endpoint is an https URL of yours that Latchkey tells when something needs attention: a token or
          secret about to expire, a client disabled, a data flow failing. Each delivery is signed with the
          endpoint's secret, so your receiver can check it came from Latchkey.
        </p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Webhook endpoints</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {["Endpoint URL", "Events", "Status", "Last delivery"].map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {endpoints.map((endpoint) => {
            const status = endpointStatusText(endpoint);
            return (
              <tr key={endpoint.id}>
                <td className={`${CELL} max-w-md`}>
                  <Link
                    href={endpointPath(endpoint.id)}
                    className="break-all font-medium text-indigo-700 hover:underline"
                  >
                    {endpoint.url}
                  </Link>
                  {endpoint.description ? (
                    <span className="block text-xs text-slate-600">{endpoint.description}</span>
                  ) : null}
                </td>
                <td className={CELL}>{eventLabels(endpoint.eventTypes)}</td>
                <td className={CELL}>
                  <EndpointStatusBadge enabled={endpoint.enabled} />
                  {status.why ? <span className="block text-xs text-slate-600">{status.why}</span> : null}
                </td>
                <td className={CELL}>
                  <LastDeliveryCell endpoint={endpoint} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
