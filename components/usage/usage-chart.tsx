"use client";

import { useEffect, useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { USAGE_OUTCOME_LABELS, type UsageOutcome } from "@/lib/usage/usage-outcomes";
import { OutcomeSwatch, PatternDefinitions } from "./outcome-patterns";
import { OUTCOME_STYLES } from "./outcome-styles";
import type { UsageChartData } from "./usage-chart-data";

const HEIGHT = 240;

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: { label?: string } & Partial<Record<UsageOutcome, number>> }[];
  outcomes: readonly UsageOutcome[];
}

function UsageTooltip({ active, payload, outcomes }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded border border-slate-300 bg-white px-3 py-2 text-xs shadow">
      <p className="mb-1 font-semibold">{point.label}</p>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome}>
            {USAGE_OUTCOME_LABELS[outcome]}: {(point[outcome] ?? 0).toLocaleString("en")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Requests per hour or day as bars stacked by outcome (recharts, in the browser only: it does
 * not render on the server). Each outcome has its own pattern as well as its colour, named in
 * the legend; the chart's accessible name summarises it, and the same numbers are in the table
 * beside it (UsageTable), made on the server.
 */
export function UsageChart({ data }: { data: UsageChartData }) {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const rows = data.points.map((point) => ({ tick: point.tick, label: point.label, ...point.counts }));
  return (
    <div className="space-y-2">
      <div role="img" aria-label={data.summary} className="rounded-lg border border-slate-200 bg-white p-3">
        {mounted ? (
          <BarChart
            data={rows}
            responsive
            style={{ width: "100%", height: HEIGHT }}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            accessibilityLayer={false}
          >
            <PatternDefinitions prefix={prefix} />
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="tick"
              interval={data.tickInterval}
              tickLine={false}
              fontSize={11}
              stroke="#475569"
            />
            <YAxis allowDecimals={false} width={40} fontSize={11} stroke="#475569" />
            <Tooltip content={<UsageTooltip outcomes={data.outcomes} />} isAnimationActive={false} />
            {data.outcomes.map((outcome) => (
              <Bar
                key={outcome}
                dataKey={outcome}
                name={USAGE_OUTCOME_LABELS[outcome]}
                stackId="outcomes"
                fill={`url(#${prefix}-${outcome})`}
                stroke={OUTCOME_STYLES[outcome].color}
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          // A class, not a style attribute: the console's CSP refuses inline styles in server HTML.
          <div className="h-60" />
        )}
      </div>
      <ul aria-label="Legend" className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
        {data.outcomes.map((outcome) => (
          <li key={outcome} className="flex items-center gap-1.5">
            <OutcomeSwatch outcome={outcome} />
            {USAGE_OUTCOME_LABELS[outcome]}: {data.totals[outcome].toLocaleString("en")}
          </li>
        ))}
      </ul>
    </div>
  );
}
