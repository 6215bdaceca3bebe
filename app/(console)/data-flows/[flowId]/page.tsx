import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/clients/format-date-time";
import { credentialPath } from "@/components/credentials/credential-summary";
import { DataFlowAuditEvents } from "@/components/data-flows/data-flow-audit-events";
import { DataFlowControls } from "@/components/data-flows/data-flow-controls";
import { DATA_FLOWS_PATH, DEVICES_PATH } from "@/components/data-flows/data-flow-paths";
import { DataFlowSettingsForm } from "@/components/data-flows/data-flow-settings-form";
import { DeleteDataFlowButton } from "@/components/data-flows/delete-data-flow-button";
import { LiveRefresh } from "@/components/data-flows/live-refresh";
import { RunHistoryTable } from "@/components/data-flows/run-history-table";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { listAuditEventsForTarget } from "@/lib/audit/list-audit-events-for-target";
import { requireAdmin } from "@/lib/auth/current-user";
import { DATA_FLOW_TARGET_TYPE } from "@/lib/data-flows/data-flow-commands";
import { describeSchedule, isRunActive } from "@/lib/data-flows/data-flow-labels";
import { findDataFlow, listDataFlowRuns } from "@/lib/data-flows/data-flow-queries";
import { getDb } from "@/lib/db/client";
import { countDevicesFromSource } from "@/lib/devices/list-devices-for-console";
import { OUTBOUND_CONNECTORS } from "@/lib/outbound-credentials/connectors";
import { findOutboundCredential } from "@/lib/outbound-credentials/find-outbound-credential";
import { listOutboundCredentials } from "@/lib/outbound-credentials/list-outbound-credentials";

export const metadata: Metadata = { title: "Data flow" };

/**
 * One data flow: what it imports, from where and when, "Run now" and "Pause"/"Resume", its
 * run history (live while a run is in progress), its settings, deletion and audit history.
 * Another organization's flow is not found.
 */
export default async function DataFlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const admin = await requireAdmin();
  const { flowId } = await params;
  const db = await getDb();
  const organizationId = admin.organization.id;
  const flow = await findDataFlow(db, organizationId, flowId);
  if (!flow) notFound();
  const [credential, credentials, runs, events] = await Promise.all([
    findOutboundCredential(db, organizationId, flow.credentialId),
    listOutboundCredentials(db, organizationId, { connector: flow.connector, sort: "name", limit: 100 }),
    listDataFlowRuns(db, organizationId, flow.id, 50),
    listAuditEventsForTarget(db, organizationId, { type: DATA_FLOW_TARGET_TYPE, id: flow.id }),
  ]);
  const imported = credential ? await countDevicesFromSource(db, organizationId, credential.hostUrl) : 0;
  const devicesHref = credential
    ? `${DEVICES_PATH}?${new URLSearchParams({ source: "axonius", host: credential.hostUrl })}`
    : DEVICES_PATH;
  const connectorLabel = OUTBOUND_CONNECTORS[flow.connector].label;
  const choices = credentials.credentials.map(({ id, name, hostUrl }) => ({ id, name, hostUrl }));
  if (credential && !choices.some((choice) => choice.id === credential.id))
    choices.push({ id: credential.id, name: credential.name, hostUrl: credential.hostUrl });
  const now = new Date();

  return (
    <>
      <LiveRefresh active={runs.some((run) => isRunActive(run.status))} intervalMs={2000} />
      <Breadcrumbs items={[{ href: DATA_FLOWS_PATH, label: "Data flows" }, { label: flow.name }]} />
      <PageHeader
        title={flow.name}
        description={`Imports devices from ${connectorLabel}${credential ? ` with ${credential.name}` : ""}.`}
        actions={<DataFlowControls flow={{ id: flow.id, name: flow.name, paused: flow.paused }} />}
      />
      {flow.paused ? (
        <div
          role="note"
          className="mb-6 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-medium">
            This data flow is paused; it does not run on its schedule or by Run now.
          </p>
          {flow.pausedReason ? <p className="mt-1">{flow.pausedReason}</p> : null}
          <p className="mt-1">Resume it to run it again; its failure count starts again at 0.</p>
        </div>
      ) : null}
      <dl className="mb-8 grid max-w-3xl gap-2 text-sm sm:grid-cols-[11rem_1fr]">
        <dt className="text-slate-500">Connector</dt>
        <dd>{connectorLabel}</dd>
        <dt className="text-slate-500">Credential</dt>
        <dd>
          {credential ? (
            <Link href={credentialPath(credential.id)} className="text-indigo-700 underline">
              {credential.name}
            </Link>
          ) : (
            "Missing"
          )}
          {credential ? <span className="ml-2 break-all font-mono text-xs">{credential.hostUrl}</span> : null}
        </dd>
        <dt className="text-slate-500">What to import</dt>
        <dd>Devices</dd>
        <dt className="text-slate-500">Axonius filter</dt>
        <dd>
          {flow.filter ? <code className="break-all text-xs">{flow.filter}</code> : "None: every device"}
        </dd>
        <dt className="text-slate-500">Schedule</dt>
        <dd>{describeSchedule(flow)}</dd>
        <dt className="text-slate-500">Next run</dt>
        <dd>{flow.nextRunAt && !flow.paused ? formatDateTime(flow.nextRunAt) : "None"}</dd>
        <dt className="text-slate-500">Failed runs in a row</dt>
        <dd>{flow.consecutiveFailures} (pauses itself at 5)</dd>
        <dt className="text-slate-500">Imported devices</dt>
        <dd>
          <Link href={devicesHref} className="text-indigo-700 underline">
            {imported.toLocaleString("en")} from this Axonius instance
          </Link>
        </dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatDateTime(flow.createdAt)}</dd>
      </dl>
      <div className="space-y-10">
        <PageSection id="data-flow-runs" title="Runs">
          <RunHistoryTable runs={runs} now={now} />
        </PageSection>
        <PageSection id="data-flow-settings" title="Settings">
          <DataFlowSettingsForm
            flow={{
              id: flow.id,
              name: flow.name,
              credentialId: flow.credentialId,
              filter: flow.filter,
              schedule: flow.schedule,
              cron: flow.cron,
            }}
            credentials={choices}
          />
        </PageSection>
        <PageSection id="data-flow-deletion" title="Deletion">
          <DeleteDataFlowButton flow={{ id: flow.id, name: flow.name }} />
        </PageSection>
        <PageSection id="data-flow-history" title="History">
          <DataFlowAuditEvents events={events} format={formatDateTime} />
        </PageSection>
      </div>
    </>
  );
}
