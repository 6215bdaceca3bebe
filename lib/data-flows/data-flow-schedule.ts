import cronParser from "cron-parser";
import type { DataFlowSchedule } from "@/lib/db/schema";

/**
 * When a scheduled flow runs next, in UTC: "Every hour" at the top of the next hour, "Every
 * day" at the next midnight, a cron expression (five fields, as pg-boss reads them) at its
 * next match. Null for manual flows.
 */
export function nextRunAt(schedule: DataFlowSchedule, cron: string | null, after: Date): Date | null {
  switch (schedule) {
    case "manual":
      return null;
    case "hourly": {
      const next = new Date(after);
      next.setUTCMinutes(0, 0, 0);
      next.setUTCHours(next.getUTCHours() + 1);
      return next;
    }
    case "daily": {
      const next = new Date(after);
      next.setUTCHours(0, 0, 0, 0);
      next.setUTCDate(next.getUTCDate() + 1);
      return next;
    }
    case "cron":
      if (!cron) return null;
      return cronParser.parseExpression(cron, { currentDate: after, utc: true }).next().toDate();
  }
}

/** Why a cron expression cannot be used, or null. Five fields only; more often than every 5 minutes is refused. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return "A cron expression has five fields: minute hour day month weekday";
  try {
    const parsed = cronParser.parseExpression(cron, {
      utc: true,
      currentDate: new Date(Date.UTC(2026, 0, 1)),
    });
    const first = parsed.next().getTime();
    const second = parsed.next().getTime();
    if (second - first < 5 * 60_000) return "A data flow runs at most every 5 minutes";
  } catch {
    return "This is not a valid cron expression";
  }
  return null;
}
