import {
  type OutcomeCounts,
  totalOf,
  USAGE_OUTCOME_LABELS,
  USAGE_OUTCOMES,
  type UsageOutcome,
} from "@/lib/usage/usage-outcomes";
import type { UsageSeries } from "@/lib/usage/usage-series";

/** One bar of a usage chart, as the browser gets it: labels made on the server (UTC), counts. */
export interface UsageChartPoint {
  /** The axis label; '' where the axis shows none. */
  tick: string;
  /** The bucket in words, for the tooltip and the table. */
  label: string;
  counts: OutcomeCounts;
}

export interface UsageChartData {
  points: UsageChartPoint[];
  /** The outcomes with requests in the period, in chart order (Allowed always). */
  outcomes: UsageOutcome[];
  totals: OutcomeCounts;
  /** Axis labels to skip between two shown (recharts' interval). */
  tickInterval: number;
  /** The chart in one sentence: its accessible name. */
  summary: string;
  /** What a bucket is, for the table's first column. */
  bucketHeading: string;
}

const DAY = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const HOUR = new Intl.DateTimeFormat("en", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

const plural = (count: number, noun: string) =>
  `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;

/** Counts as words: "13 requests: 8 allowed, 2 insufficient scope, 3 invalid credentials". */
export function describeCounts(counts: OutcomeCounts): string {
  const total = totalOf(counts);
  if (total === 0) return "no requests";
  const parts = USAGE_OUTCOMES.filter((outcome) => counts[outcome] > 0).map(
    (outcome) => `${counts[outcome].toLocaleString("en")} ${USAGE_OUTCOME_LABELS[outcome].toLowerCase()}`,
  );
  return `${plural(total, "request")}: ${parts.join(", ")}`;
}

/**
 * A usage series as chart and table data. Hourly bars are labelled by the hour (a day's) or by
 * the day at midnight (a week's); daily bars by the day. `period` names the range in words.
 */
export function toUsageChartData(series: UsageSeries, period: string): UsageChartData {
  const hourly = series.granularity === "hour";
  const week = hourly && series.buckets.length > 48;
  const points = series.buckets.map(({ start, counts }) => {
    const day = DAY.format(start);
    const hour = HOUR.format(start);
    let tick = day;
    if (hourly) tick = week ? (start.getUTCHours() === 0 ? day : "") : hour;
    return { tick, label: hourly ? `${day}, ${hour} UTC` : `${day} (UTC)`, counts };
  });
  const outcomes = USAGE_OUTCOMES.filter((outcome) => outcome === "allowed" || series.totals[outcome] > 0);
  return {
    points,
    outcomes,
    totals: series.totals,
    // Every label of a week's days; every third hour of a day; every fifth day of a month.
    tickInterval: week || series.buckets.length <= 10 ? 0 : hourly ? 2 : 4,
    summary: `Requests per ${hourly ? "hour" : "day"} by outcome, ${period.toLowerCase()}: ${describeCounts(series.totals)}.`,
    bucketHeading: hourly ? "Hour (UTC)" : "Day (UTC)",
  };
}
