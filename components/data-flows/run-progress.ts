import type { DataFlowRun } from "@/lib/db/schema";

export interface RunProgress {
  /** Records read so far, or null while nothing tells how far the run is (no total yet). */
  value: number | null;
  max: number;
  /** Whole percent, or null when unknown. */
  percent: number | null;
  /** What the bar says to screen readers and beside it. */
  text: string;
}

const number = (value: number) => value.toLocaleString("en");

/**
 * How far a run is, for its progress bar: records read against Axonius's total when it gave
 * one (never past 100 %: a total can grow while a run reads), complete once the run has read
 * everything, unknown while a run without a total goes on.
 */
export function runProgress(
  run: Pick<DataFlowRun, "status" | "readCount" | "totalRecords" | "pagesFetched">,
): RunProgress {
  const read = run.readCount;
  const pages = `${number(run.pagesFetched)} ${run.pagesFetched === 1 ? "page" : "pages"}`;
  if (run.status === "succeeded") {
    const max = Math.max(read, 1);
    return { value: max, max, percent: 100, text: `${number(read)} devices read from ${pages}: complete` };
  }
  if (run.totalRecords !== null && run.totalRecords > 0) {
    const max = Math.max(run.totalRecords, read);
    const percent = Math.min(100, Math.floor((read / max) * 100));
    return {
      value: read,
      max,
      percent,
      text: `${number(read)} of ${number(max)} devices read (${percent} %), ${pages}`,
    };
  }
  if (run.status === "queued") return { value: null, max: 1, percent: null, text: "Waiting to start" };
  return { value: null, max: 1, percent: null, text: `${number(read)} devices read, ${pages}` };
}
