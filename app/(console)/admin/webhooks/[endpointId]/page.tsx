import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/clients/format-date-time";
import { LiveRefresh } from "@/components/data-flows/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { DeleteEndpointButton } from "@/components/webhooks/delete-endpoint-button";
import { DisabledEndpointsNotice } from "@/components/webhooks/disabled-endpoints-notice";
import { EndpointEnabledControl } from "@/components/webhooks/endpoint-enabled-control";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EndpointStatusBadge } from "@/components/webhooks/endpoint-status-badge";
import { RotateSecretButton } from "@/components/webhooks/rotate-secret-button";
import { SendTestEventButton } from "@/components/webhooks/send-test-event-button";
import { WebhookAuditEvents } from "@/components/webhooks/webhook-audit-events";
import { WebhookDeliveriesTable } from "@/components/webhooks/webhook-deliveries-table";
import { endpointStatusText, eventLabels } from "@/components/webhooks/webhook-labels";
import { WebhooksBreadcrumbs } from "@/components/webhooks/webhooks-breadcrumbs";
import { listAuditEventsForTarget } from "@/lib/audit/list-audit-events-for-target";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { findWebhookEndpoint } from "@/lib/webhooks/find-webhook-endpoint";
import { WEBHOOK_ENDPOINT_TARGET_TYPE } from "@/lib/webhooks/webhook-endpoint-record";
import { listEndpointDeliveries } from "@/lib/webhooks/webhook-queries";

export const metadata: Metadata = { title: "Webhook endpoint" };

/**
 * While a delivery is being sent, or is due within LIVE_WINDOW_MS (and not overdue by more
 * than OVERDUE_MS, which would mean no worker is taking it), the page keeps itself live.
 */
const LIVE_WINDOW_MS = 2 * 60_000;
const OVERDUE_MS = 5 * 60_000;

/**
 * One webhook endpoint of the organization: its status, "Send test event" and the delivery
 * log, its settings, "Rotate secret", enabling, deletion and history. Its secrets are never
 * read here; any other organization's endpoint id is simply not found.
 */
export default async function WebhookEndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const admin = await requireAdmin();
  const { endpointId } = await params;
  const organizationId = admin.organization.id;
  const db = await getDb();
  const endpoint = await findWebhookEndpoint(db, organizationId, endpointId);
  if (!endpoint) notFound();
  const [deliveries, events] = await Promise.all([
    listEndpointDeliveries(db, organizationId, endpoint.id),
    listAuditEventsForTarget(db, organizationId, { type: WEBHOOK_ENDPOINT_TARGET_TYPE, id: endpoint.id }),
  ]);
  const now = Date.now();
  const live = deliveries.some((delivery) => {
    if (delivery.status === "sending") return true;
    const due = delivery.nextAttemptAt?.getTime();
    return (
      delivery.status === "pending" &&
      due !== undefined &&
      due - now < LIVE_WINDOW_MS &&
      now - due < OVERDUE_MS
    );
  });
  const status = endpointStatusText(endpoint);
  const previousUntil =
    endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > now
      ? endpoint.previousSecretExpiresAt
      : null;

  return (
    <>
      <LiveRefresh active={live} intervalMs={1500} />
      <WebhooksBreadcrumbs current={new URL(endpoint.url).host} />
      <PageHeader
        title={endpoint.url}
        description={
          endpoint.description || "Events Latchkey sends to this URL, signed, with their delivery log."
        }
      />
      {endpoint.disabledReason === "failing" && !endpoint.enabled ? (
        <DisabledEndpointsNotice
          endpoints={[
            {
              id: endpoint.id,
              url: endpoint.url,
              disabledAt: endpoint.disabledAt,
              failingSince: endpoint.failingSince,
            },
          ]}
        />
      ) : null}
      <dl className="mb-8 grid max-w-3xl gap-2 text-sm sm:grid-cols-[11rem_1fr]">
        <dt className="text-slate-500">Status</dt>
        <dd>
          <EndpointStatusBadge enabled={endpoint.enabled} />
          {status.why ? <span className="ml-2 text-slate-700">{status.why}</span> : null}
        </dd>
        <dt className="text-slate-500">Events</dt>
        <dd>{eventLabels(endpoint.eventTypes)}</dd>
        <dt className="text-slate-500">Signing secret</dt>
        <dd>
          Stored encrypted; never shown. Made {formatDateTime(endpoint.secretCreatedAt)}.
          {previousUntil ? ` The previous secret also signs until ${formatDateTime(previousUntil)}.` : ""}
        </dd>
        <dt className="text-slate-500">Last success</dt>
        <dd>{endpoint.lastSuccessAt ? formatDateTime(endpoint.lastSuccessAt) : "None yet"}</dd>
        {endpoint.failingSince ? (
          <>
            <dt className="text-slate-500">Failing since</dt>
            <dd>{formatDateTime(endpoint.failingSince)}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Created</dt>
        <dd>{formatDateTime(endpoint.createdAt)}</dd>
      </dl>
      <div className="space-y-10">
        <PageSection id="endpoint-deliveries" title="Deliveries">
          <SendTestEventButton endpointId={endpoint.id} />
          <WebhookDeliveriesTable endpointId={endpoint.id} deliveries={deliveries} />
          {deliveries.length >= 50 ? (
            <p className="text-xs text-slate-500">The latest 50 deliveries are shown.</p>
          ) : null}
        </PageSection>
        <PageSection id="endpoint-settings" title="Settings">
          <EndpointForm
            endpoint={{
              id: endpoint.id,
              url: endpoint.url,
              description: endpoint.description,
              eventTypes: endpoint.eventTypes,
            }}
          />
        </PageSection>
        <PageSection id="endpoint-secret" title="Signing secret">
          <RotateSecretButton endpointId={endpoint.id} />
        </PageSection>
        <PageSection id="endpoint-status" title="Status">
          <EndpointEnabledControl endpointId={endpoint.id} enabled={endpoint.enabled} />
        </PageSection>
        <PageSection id="endpoint-deletion" title="Deletion">
          <DeleteEndpointButton endpoint={{ id: endpoint.id, url: endpoint.url }} />
        </PageSection>
        <PageSection id="endpoint-history" title="History">
          <WebhookAuditEvents events={events} format={formatDateTime} />
        </PageSection>
      </div>
    </>
  );
}
