import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/clients/format-date-time";
import { DATA_FLOWS_PATH, DEVICES_PATH, dataFlowPath } from "@/components/data-flows/data-flow-paths";
import { formatDuration, runDuration } from "@/components/data-flows/format-duration";
import { LiveRefresh } from "@/components/data-flows/live-refresh";
import { RunControls } from "@/components/data-flows/run-controls";
import { runProgress } from "@/components/data-flows/run-progress";
import { RunProgressBar } from "@/components/data-flows/run-progress-bar";
import { RunStatusBadge } from "@/components/data-flows/run-status-badge";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { requireAdmin } from "@/lib/auth/current-user";
import {
  isRunActive,
  RUN_STATUS_LABELS,
  RUN_TRIGGER_LABELS,
  skipReasonLabel,
} from "@/lib/data-flows/data-flow-labels";
import { findDataFlow, findDataFlowRun } from "@/lib/data-flows/data-flow-queries";
import { getDb } from "@/lib/db/client";
import { findOutboundCredential } from "@/lib/outbound-credentials/find-outbound-credential";

export const metadata: Metadata = { title: "Data flow run" };

const number = (value: number) => value.toLocaleString("en");

/**
 * One run of a data flow: its progress bar and counts, updated live while it runs, how long
 * it took, why it failed, and "Cancel" or "Retry". Another organization's run is not found.
 */
export default async function DataFlowRunPage({
  params,
}: {
  params: Promise<{ flowId: string; runId: string }>;
}) {
  const admin = await requireAdmin();
  const { flowId, runId } = await params;
  const db = await getDb();
  const organizationId = admin.organization.id;
  const [flow, run] = await Promise.all([
    findDataFlow(db, organizationId, flowId),
    findDataFlowRun(db, organizationId, runId),
  ]);
  if (!flow || !run || run.flowId !== flow.id) notFound();
  const credential = await findOutboundCredential(db, organizationId, flow.credentialId);
  const devicesHref = credential
    ? `${DEVICES_PATH}?${new URLSearchParams({ source: "axonius", host: credential.hostUrl })}`
    : DEVICES_PATH;
  const now = new Date();
  const active = isRunActive(run.status);
  const duration = runDuration(run, now);
  const skipReasons = Object.entries(run.skipReasons).filter(([, count]) => count > 0);
  const counts: [string, number][] = [
    ["Read", run.readCount],
    ["Created", run.createdCount],
    ["Updated", run.updatedCount],
    ["Unchanged", run.unchangedCount],
    ["Skipped", run.skippedCount],
    ["Failed", run.failedCount],
    ["Marked missing", run.missingCount],
  ];

  return (
    <>
      <LiveRefresh active={active} />
      <Breadcrumbs
        items={[
          { href: DATA_FLOWS_PATH, label: "Data flows" },
          { href: dataFlowPath(flow.id), label: flow.name },
          { label: `Run of ${formatDateTime(run.createdAt)}` },
        ]}
      />
      <PageHeader
        title={`Run of ${flow.name}`}
        description={`${RUN_TRIGGER_LABELS[run.trigger]} run, queued ${formatDateTime(run.createdAt)}.`}
        actions={
          <RunControls
            run={{ id: run.id, status: run.status, cancelRequested: run.cancelRequestedAt !== null }}
          />
        }
      />
      <div className="space-y-8">
        <div className="space-y-3">
          <p role="status" className="flex items-center gap-2 text-sm text-slate-800">
            <span>Status:</span> <RunStatusBadge status={run.status} />
            {run.status === "running" && run.cancelRequestedAt ? (
              <span>(stopping after the page in hand)</span>
            ) : null}
            <span className="sr-only">{RUN_STATUS_LABELS[run.status]}</span>
          </p>
          <RunProgressBar progress={runProgress(run)} label="Import progress" />
        </div>
        {run.errorMessage ? (
          <div
            role="note"
            className="max-w-2xl rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
          >
            <p className="font-medium">
              {run.status === "partial" ? "The run stopped part way" : "The run failed"}
            </p>
            <p className="mt-1">{run.errorMessage}</p>
          </div>
        ) : null}
        <PageSection id="run-counts" title="Records">
          <dl className="grid max-w-2xl grid-cols-2 gap-3 sm:grid-cols-4">
            {counts.map(([label, value]) => (
              <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums text-slate-900">{number(value)}</dd>
              </div>
            ))}
          </dl>
          {skipReasons.length > 0 ? (
            <div className="max-w-2xl text-sm">
              <p className="font-medium text-slate-800">Skipped records, by reason</p>
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {skipReasons.map(([reason, count]) => (
                  <li key={reason}>
                    {skipReasonLabel(reason)}: {number(count)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="text-sm">
            <Link href={devicesHref} className="text-indigo-700 underline">
              View imported devices
            </Link>
          </p>
        </PageSection>
        <PageSection id="run-timing" title="Timing">
          <dl className="grid max-w-2xl gap-2 text-sm sm:grid-cols-[11rem_1fr]">
            <dt className="text-slate-500">Queued</dt>
            <dd>{formatDateTime(run.createdAt)}</dd>
            <dt className="text-slate-500">Started</dt>
            <dd>{run.startedAt ? formatDateTime(run.startedAt) : "Not yet"}</dd>
            <dt className="text-slate-500">Finished</dt>
            <dd>{run.finishedAt ? formatDateTime(run.finishedAt) : "Not yet"}</dd>
            <dt className="text-slate-500">{active ? "Elapsed" : "Duration"}</dt>
            <dd>{duration === null ? "—" : formatDuration(duration)}</dd>
            <dt className="text-slate-500">Pages fetched</dt>
            <dd>{number(run.pagesFetched)}</dd>
            <dt className="text-slate-500">Attempts</dt>
            <dd>
              {number(run.attempts)}
              {run.attempts > 1 ? " (resumed after an interruption)" : ""}
            </dd>
          </dl>
        </PageSection>
      </div>
    </>
  );
}
