import { z } from "zod";

/**
 * The Security page's "Disable clients unused for" setting: off (the default), 30, 60 or 90
 * days, or a custom number of days. Shared by the form and its server action.
 */
export const IDLE_POLICY_PRESETS = [30, 60, 90] as const;
export const MIN_IDLE_DAYS = 7;
export const MAX_IDLE_DAYS = 3650;
/** A client about to be disabled is flagged this many days before. */
export const IDLE_WARNING_DAYS = 7;

export const IDLE_POLICY_CHOICES = [
  { value: "off", label: "Off" },
  ...IDLE_POLICY_PRESETS.map((days) => ({ value: String(days), label: `${days} days` })),
  { value: "custom", label: "Custom" },
] as const;

export const idleClientPolicySchema = z
  .object({
    choice: z.enum(["off", "30", "60", "90", "custom"], {
      error: "Choose how long a client may stay unused",
    }),
    customDays: z.string().optional(),
  })
  .superRefine((value, context) => {
    if (value.choice !== "custom") return;
    const days = Number(value.customDays?.trim());
    if (
      value.customDays?.trim() === "" ||
      !Number.isInteger(days) ||
      days < MIN_IDLE_DAYS ||
      days > MAX_IDLE_DAYS
    ) {
      context.addIssue({
        code: "custom",
        path: ["customDays"],
        message: `Enter a whole number of days from ${MIN_IDLE_DAYS} to ${MAX_IDLE_DAYS}`,
      });
    }
  })
  .transform((value) => ({
    days:
      value.choice === "off"
        ? null
        : value.choice === "custom"
          ? Number(value.customDays?.trim())
          : Number(value.choice),
  }));

export type IdleClientPolicyInput = z.input<typeof idleClientPolicySchema>;

/** The stored setting as the domain takes it: off (null) or a whole number of days in range. */
export const idleDaysSchema = z.object({
  days: z.number().int().min(MIN_IDLE_DAYS).max(MAX_IDLE_DAYS).nullable(),
});

/** The form's values for a stored setting. */
export function idlePolicyFormValues(days: number | null): IdleClientPolicyInput {
  if (days === null) return { choice: "off", customDays: "" };
  const preset = IDLE_POLICY_PRESETS.find((value) => value === days);
  return preset
    ? { choice: String(preset) as "30", customDays: "" }
    : { choice: "custom", customDays: String(days) };
}
