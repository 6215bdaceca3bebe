import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import type { DisabledEndpointNotice } from "@/lib/webhooks/webhook-queries";
import { endpointPath } from "./webhook-paths";

/**
 * How administrators are told that Latchkey disabled an endpoint for failing: on the Webhooks
 * page and the dashboard, until the endpoint is enabled again or deleted.
 */
export function DisabledEndpointsNotice({ endpoints }: { endpoints: readonly DisabledEndpointNotice[] }) {
  if (endpoints.length === 0) return null;
  return (
    <section
      aria-labelledby="disabled-webhooks-heading"
      className="mb-6 rounded-lg border border-red-300 bg-red-50 p-5 text-sm text-red-900"
    >
      <h2 id="disabled-webhooks-heading" className="mb-2 font-semibold">
        {endpoints.length === 1 ? "A webhook endpoint was disabled" : "Webhook endpoints were disabled"}
      </h2>
      <p className="mb-2">
        Every delivery to {endpoints.length === 1 ? "it" : "them"} failed for 5 days, so Latchkey stopped
        sending. Check the receiver, send a test event, then enable it again.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <Link href={endpointPath(endpoint.id)} className="break-all font-medium underline">
              {endpoint.url}
            </Link>
            {endpoint.disabledAt ? ` — disabled ${formatDateTime(endpoint.disabledAt)}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
