import { RUN_STATUS_LABELS } from "@/lib/data-flows/data-flow-labels";
import type { DataFlowRunStatus } from "@/lib/db/schema";

const STYLES: Record<DataFlowRunStatus, { className: string; mark: string }> = {
  queued: { className: "bg-slate-100 text-slate-800", mark: "○" },
  running: { className: "bg-sky-50 text-sky-900", mark: "◐" },
  succeeded: { className: "bg-emerald-50 text-emerald-800", mark: "✓" },
  partial: { className: "bg-amber-50 text-amber-900", mark: "!" },
  failed: { className: "bg-red-50 text-red-800", mark: "✕" },
  cancelled: { className: "bg-slate-100 text-slate-700", mark: "–" },
};

/** A run's status as a word with a mark, so it reads without colour. */
export function RunStatusBadge({ status }: { status: DataFlowRunStatus }) {
  const style = STYLES[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`}
    >
      <span aria-hidden="true">{style.mark}</span>
      {RUN_STATUS_LABELS[status]}
    </span>
  );
}
