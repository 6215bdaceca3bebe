/** A run's length as people read it: "0.8 s", "42 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(milliseconds: number): string {
  const ms = Math.max(0, Math.round(milliseconds));
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** How long a run took, or has taken so far; null before it started. */
export function runDuration(
  run: { startedAt: Date | null; finishedAt: Date | null },
  now: Date,
): number | null {
  if (!run.startedAt) return null;
  return (run.finishedAt ?? now).getTime() - run.startedAt.getTime();
}
