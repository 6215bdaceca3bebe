import { UsageChart } from "@/components/usage/usage-chart";
import type { UsageChartData } from "@/components/usage/usage-chart-data";
import { UsageRangeLinks } from "@/components/usage/usage-range-links";
import { UsageTable } from "@/components/usage/usage-table";
import { totalOf } from "@/lib/usage/usage-outcomes";
import type { UsageRange } from "@/lib/usage/usage-series";

/**
 * A client's requests over the chosen period (the range is in the URL, so each view is a
 * link): API calls and token requests by outcome, as a chart and as a table.
 */
export function ClientUsage({
  range,
  data,
  byEndpoint,
  hrefFor,
}: {
  range: UsageRange;
  data: UsageChartData;
  byEndpoint: { api: number; token: number };
  hrefFor: (range: UsageRange) => string;
}) {
  const total = totalOf(data.totals);
  return (
    <div className="space-y-3">
      <UsageRangeLinks current={range} hrefFor={hrefFor} />
      {total === 0 ? (
        <p className="text-sm text-slate-600">No requests in this period.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {`${byEndpoint.api.toLocaleString("en")} API ${byEndpoint.api === 1 ? "call" : "calls"} and ${byEndpoint.token.toLocaleString("en")} token ${byEndpoint.token === 1 ? "request" : "requests"}. Times are UTC; counts are written every few seconds.`}
          </p>
          <UsageChart data={data} />
          <UsageTable data={data} caption="Requests of this client by outcome" />
        </>
      )}
    </div>
  );
}
