import type { RunProgress } from "./run-progress";

/**
 * A run's progress as an accessible progressbar: its value and maximum when the run's extent
 * is known (aria-valuenow), indeterminate otherwise; the same words beside it for everyone.
 */
export function RunProgressBar({ progress, label }: { progress: RunProgress; label: string }) {
  const known = progress.value !== null;
  return (
    <div className="max-w-2xl space-y-1.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? progress.max : undefined}
        aria-valuenow={known ? (progress.value ?? undefined) : undefined}
        aria-valuetext={progress.text}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-indigo-700 transition-[width] duration-500 ${known ? "" : "w-1/3 animate-pulse"}`}
          style={known ? { width: `${progress.percent ?? 0}%` } : undefined}
        />
      </div>
      <p className="text-sm text-slate-700">{progress.text}</p>
    </div>
  );
}
