import Link from "next/link";
import { formatDateTime } from "@/components/clients/format-date-time";
import { RUN_TRIGGER_LABELS } from "@/lib/data-flows/data-flow-labels";
import type { DataFlowRun } from "@/lib/db/schema";
import { dataFlowRunPath } from "./data-flow-paths";
import { formatDuration, runDuration } from "./format-duration";
import { RunStatusBadge } from "./run-status-badge";

const number = (value: number) => value.toLocaleString("en");
const CELL = "px-3 py-2 align-top";

/** A flow's runs, newest first: status, trigger, when, how long, the counts and the error. */
export function RunHistoryTable({ runs, now }: { runs: readonly DataFlowRun[]; now: Date }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">This data flow has not run yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Run history, newest first</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {[
              "Status",
              "Trigger",
              "Started",
              "Duration",
              "Read",
              "Created",
              "Updated",
              "Unchanged",
              "Skipped",
              "Failed",
              "Missing",
              "Error",
            ].map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => {
            const duration = runDuration(run, now);
            return (
              <tr key={run.id}>
                <td className={CELL}>
                  <Link href={dataFlowRunPath(run.flowId, run.id)} className="hover:underline">
                    <RunStatusBadge status={run.status} />
                    <span className="sr-only"> run of {formatDateTime(run.createdAt)}, open</span>
                  </Link>
                </td>
                <td className={CELL}>{RUN_TRIGGER_LABELS[run.trigger]}</td>
                <td className={`${CELL} whitespace-nowrap`}>
                  {run.startedAt ? formatDateTime(run.startedAt) : `Queued ${formatDateTime(run.createdAt)}`}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  {duration === null ? "—" : formatDuration(duration)}
                </td>
                <td className={`${CELL} tabular-nums`}>{number(run.readCount)}</td>
                <td className={`${CELL} tabular-nums`}>{number(run.createdCount)}</td>
                <td className={`${CELL} tabular-nums`}>{number(run.updatedCount)}</td>
                <td className={`${CELL} tabular-nums`}>{number(run.unchangedCount)}</td>
                <td className={`${CELL} tabular-nums`}>{number(run.skippedCount)}</td>
                <td className={`${CELL} tabular-nums`}>{number(run.failedCount)}</td>
                <td className={`${CELL} tabular-nums`}>{number(run.missingCount)}</td>
                <td className={`${CELL} max-w-xs text-red-800`}>{run.errorMessage ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
