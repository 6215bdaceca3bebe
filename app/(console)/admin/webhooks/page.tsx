import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DisabledEndpointsNotice } from "@/components/webhooks/disabled-endpoints-notice";
import { WebhookEndpointsTable } from "@/components/webhooks/webhook-endpoints-table";
import { NEW_ENDPOINT_PATH } from "@/components/webhooks/webhook-paths";
import { WebhooksBreadcrumbs } from "@/components/webhooks/webhooks-breadcrumbs";
import { requireAdmin } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listEndpointsDisabledForFailing, listWebhookEndpoints } from "@/lib/webhooks/webhook-queries";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const admin = await requireAdmin();
  const db = await getDb();
  const [endpoints, disabled] = await Promise.all([
    listWebhookEndpoints(db, admin.organization.id),
    listEndpointsDisabledForFailing(db, admin.organization.id),
  ]);
  return (
    <>
      <WebhooksBreadcrumbs />
      <PageHeader
        title="Webhooks"
        description="URLs Latchkey tells when something needs attention. Deliveries follow the Standard Webhooks specification: signed with the endpoint's secret, retried for hours when the receiver fails."
        actions={
          <Link href={NEW_ENDPOINT_PATH} className={buttonClasses()}>
            Add endpoint
          </Link>
        }
      />
      <DisabledEndpointsNotice endpoints={disabled} />
      <WebhookEndpointsTable endpoints={endpoints} />
    </>
  );
}
