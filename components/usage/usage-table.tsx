import { totalOf, USAGE_OUTCOME_LABELS } from "@/lib/usage/usage-outcomes";
import type { UsageChartData } from "./usage-chart-data";

/**
 * The chart's numbers as a table, for screen readers and for anyone who wants the figures:
 * one row per hour or day with requests (empty ones are left out), then the totals.
 */
export function UsageTable({ data, caption }: { data: UsageChartData; caption: string }) {
  const rows = data.points.filter((point) => totalOf(point.counts) > 0);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-indigo-700">Show as table</summary>
      <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                {data.bucketHeading}
              </th>
              {data.outcomes.map((outcome) => (
                <th key={outcome} scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
                  {USAGE_OUTCOME_LABELS[outcome]}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={data.outcomes.length + 2} className="px-3 py-2 text-slate-600">
                  No requests in this period.
                </td>
              </tr>
            ) : (
              rows.map((point) => (
                <tr key={point.label}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                    {point.label}
                  </th>
                  {data.outcomes.map((outcome) => (
                    <td key={outcome} className="px-3 py-1.5 text-right tabular-nums">
                      {point.counts[outcome].toLocaleString("en")}
                    </td>
                  ))}
                  <td className="px-3 py-1.5 text-right tabular-nums">
                    {totalOf(point.counts).toLocaleString("en")}
                  </td>
                </tr>
              ))
            )}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                Total
              </th>
              {data.outcomes.map((outcome) => (
                <td key={outcome} className="px-3 py-2 text-right tabular-nums">
                  {data.totals[outcome].toLocaleString("en")}
                </td>
              ))}
              <td className="px-3 py-2 text-right tabular-nums">
                {totalOf(data.totals).toLocaleString("en")}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}
