import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import { DataFlowsEmptyState } from "@/components/data-flows/data-flows-empty-state";
import { DataFlowsTable } from "@/components/data-flows/data-flows-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { describeSchedule } from "@/lib/data-flows/data-flow-labels";
import { dataFlowListParamsSchema, toDataFlowPageQuery } from "@/lib/data-flows/data-flow-list-params";
import { listDataFlowPage } from "@/lib/data-flows/data-flow-queries";
import { getDb } from "@/lib/db/client";
import { OUTBOUND_CONNECTORS } from "@/lib/outbound-credentials/connectors";

export const metadata: Metadata = { title: "Data flows" };

export default async function DataFlowsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const admin = await requireAdmin();
  const params = dataFlowListParamsSchema.parse(await searchParams);
  const { flows, total } = await listDataFlowPage(
    await getDb(),
    admin.organization.id,
    toDataFlowPageQuery(params),
  );

  return (
    <>
      <PageHeader
        title="Data flows"
        description="Imports from other systems into your organization's data, each through a connector and a saved credential, now or on a schedule."
        actions={
          <Link href="/data-flows/new" className={buttonClasses()}>
            Create data flow
          </Link>
        }
      />
      {total === 0 && params.q === "" ? (
        <DataFlowsEmptyState filtered={false} />
      ) : (
        <DataFlowsTable
          rows={flows.map((flow) => ({
            id: flow.id,
            name: flow.name,
            connectorLabel: OUTBOUND_CONNECTORS[flow.connector].label,
            credentialId: flow.credentialId,
            credentialName: flow.credentialName,
            schedule: describeSchedule(flow),
            paused: flow.paused,
            pausedReason: flow.pausedReason,
            lastRun: flow.lastRun
              ? {
                  id: flow.lastRun.id,
                  status: flow.lastRun.status,
                  at: formatDateTime(flow.lastRun.startedAt ?? flow.lastRun.createdAt),
                }
              : null,
            nextRun: flow.nextRunAt && !flow.paused ? formatDateTime(flow.nextRunAt) : null,
          }))}
          total={total}
          state={params}
          empty={<DataFlowsEmptyState filtered />}
        />
      )}
    </>
  );
}
