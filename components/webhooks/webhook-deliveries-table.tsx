import { formatDateTime } from "@/components/clients/format-date-time";
import { webhookEventLabel } from "@/lib/webhooks/webhook-event-catalogue";
import type { DeliveryAttemptView, DeliveryView } from "@/lib/webhooks/webhook-queries";
import { maxAttempts } from "@/lib/webhooks/webhook-retry-schedule";
import { RedeliverButton } from "./redeliver-button";
import { deliveryStatusLabel } from "./webhook-labels";

const CELL = "px-3 py-2 align-top";
const TRIGGER_NOTE = { event: "", test: " (test)", redeliver: " (redelivery)" } as const;

const milliseconds = (value: number | null) => (value === null ? "—" : `${value.toLocaleString("en")} ms`);

function AttemptList({ attempts }: { attempts: readonly DeliveryAttemptView[] }) {
  if (attempts.length < 2) return null;
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-indigo-700">Every attempt</summary>
      <ol className="mt-1 space-y-1">
        {attempts.map((attempt) => (
          <li key={attempt.attempt}>
            {attempt.attempt}. {formatDateTime(attempt.startedAt)} —{" "}
            {attempt.statusCode === null ? "no answer" : `HTTP ${attempt.statusCode}`},{" "}
            {milliseconds(attempt.responseMs)}
            {attempt.error ? `: ${attempt.error}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * An endpoint's delivery log, newest first: the event, its status, the last answer's status
 * code and response time, the attempt, when the next retry is due and the last error, with
 * "Redeliver" on each delivery that is not waiting for an attempt.
 */
export function WebhookDeliveriesTable({
  endpointId,
  deliveries,
}: {
  endpointId: string;
  deliveries: readonly DeliveryView[];
}) {
  if (deliveries.length === 0)
    return <p className="text-sm text-slate-600">Nothing has been sent to this endpoint yet.</p>;
  const attemptsAllowed = maxAttempts();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Deliveries, newest first</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {[
              "Event",
              "Status",
              "Status code",
              "Response time",
              "Attempt",
              "Next retry",
              "Error",
              "Created",
              "Actions",
            ].map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((delivery) => {
            const event = webhookEventLabel(delivery.eventType);
            const inFlight = delivery.status === "pending" || delivery.status === "sending";
            return (
              <tr key={delivery.id}>
                <td className={CELL}>
                  {event}
                  {TRIGGER_NOTE[delivery.trigger]}
                  <code className="block text-xs text-slate-500">{delivery.messageId}</code>
                </td>
                <td className={CELL}>{deliveryStatusLabel(delivery.status, delivery.attemptCount)}</td>
                <td className={`${CELL} tabular-nums`}>{delivery.lastStatusCode ?? "—"}</td>
                <td className={`${CELL} whitespace-nowrap tabular-nums`}>
                  {milliseconds(delivery.lastResponseMs)}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  {delivery.attemptCount === 0 ? "—" : `${delivery.attemptCount} of ${attemptsAllowed}`}
                  <AttemptList attempts={delivery.attempts} />
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  {delivery.status === "pending" && delivery.attemptCount > 0 && delivery.nextAttemptAt
                    ? formatDateTime(delivery.nextAttemptAt)
                    : "—"}
                </td>
                <td className={`${CELL} max-w-xs text-red-800`}>{delivery.lastError ?? ""}</td>
                <td className={`${CELL} whitespace-nowrap`}>{formatDateTime(delivery.createdAt)}</td>
                <td className={CELL}>
                  {inFlight ? null : (
                    <RedeliverButton
                      endpointId={endpointId}
                      deliveryId={delivery.id}
                      description={`${event} of ${formatDateTime(delivery.createdAt)}`}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
