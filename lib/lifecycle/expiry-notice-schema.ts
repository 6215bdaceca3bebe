import { z } from "zod";

/**
 * The Security page's "Expiry notices": how many days before a personal token or a client
 * secret lapses its owner and the organization's webhooks are told — up to five thresholds,
 * each once (30, 7 and 1 days by default).
 */
export const DEFAULT_EXPIRY_NOTICE_DAYS = [30, 7, 1] as const;
export const MAX_NOTICE_THRESHOLDS = 5;
export const MAX_NOTICE_DAYS = 365;

const THRESHOLDS_MESSAGE = `Enter up to ${MAX_NOTICE_THRESHOLDS} whole numbers of days from 1 to ${MAX_NOTICE_DAYS}, separated by commas`;

/** The stored setting as the domain takes it: distinct days, largest first. */
export const expiryNoticeDaysSchema = z.object({
  days: z
    .array(z.number().int().min(1).max(MAX_NOTICE_DAYS))
    .min(1, THRESHOLDS_MESSAGE)
    .max(MAX_NOTICE_THRESHOLDS, THRESHOLDS_MESSAGE)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
});

/** The form's text ("30, 7, 1") to the stored days. */
export const expiryNoticeFormSchema = z
  .object({ thresholds: z.string().max(100, THRESHOLDS_MESSAGE) })
  .transform((value, context) => {
    const parts = value.thresholds.split(",").map((part) => part.trim());
    const days = parts.map(Number);
    const valid =
      parts.length <= MAX_NOTICE_THRESHOLDS &&
      parts.every((part) => /^\d+$/.test(part)) &&
      days.every((day) => day >= 1 && day <= MAX_NOTICE_DAYS);
    if (!valid) {
      context.addIssue({ code: "custom", path: ["thresholds"], message: THRESHOLDS_MESSAGE });
      return z.NEVER;
    }
    return { days: [...new Set(days)].sort((a, b) => b - a) };
  });

export type ExpiryNoticeFormInput = z.input<typeof expiryNoticeFormSchema>;

export const formatThresholds = (days: readonly number[]) => days.join(", ");

/** The threshold a lapse `daysLeft` away falls under: the smallest one not below it; null past all. */
export function thresholdFor(daysLeft: number, thresholds: readonly number[]): number | null {
  const crossed = thresholds.filter((threshold) => daysLeft <= threshold);
  return crossed.length === 0 ? null : Math.min(...crossed);
}
