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
        {/* The filled part is an SVG rectangle sized by an attribute: the console's CSP refuses
            inline style attributes in server-rendered HTML. */}
        <svg
          aria-hidden="true"
          className="block h-full w-full"
          viewBox="0 0 100 1"
          preserveAspectRatio="none"
        >
          {known ? (
            <rect width={progress.percent ?? 0} height="1" className="fill-indigo-700" />
          ) : (
            <rect width="33" height="1" className="animate-pulse fill-indigo-700" />
          )}
        </svg>
      </div>
      <p className="text-sm text-slate-700">{progress.text}</p>
    </div>
  );
}
