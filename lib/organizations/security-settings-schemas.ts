import { z } from "zod";
import { SECURITY_LEVELS } from "./security-level";

/** Shared by the Security page's forms and their server actions. */

export const MIN_TOKEN_EXPIRATION_DAYS = 1;
export const MAX_TOKEN_EXPIRATION_DAYS = 3650;

const days = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number of days` })
    .refine(Number.isFinite, `${label} must be a number of days`)
    .pipe(
      z
        .number()
        .int(`${label} must be a whole number of days`)
        .min(MIN_TOKEN_EXPIRATION_DAYS, `${label} must be at least ${MIN_TOKEN_EXPIRATION_DAYS} day`)
        .max(
          MAX_TOKEN_EXPIRATION_DAYS,
          `${label} must be at most ${MAX_TOKEN_EXPIRATION_DAYS} days (10 years)`,
        ),
    );

export const tokenPolicySchema = z
  .object({
    defaultTokenExpirationDays: days("Default token expiration"),
    maxTokenExpirationDays: days("Maximum token expiration"),
    allowUnexpiringTokens: z.boolean({ error: "Choose whether unexpiring tokens are allowed" }),
  })
  .refine((policy) => policy.defaultTokenExpirationDays <= policy.maxTokenExpirationDays, {
    path: ["defaultTokenExpirationDays"],
    message: "Default token expiration cannot be longer than the maximum",
  });

export type TokenPolicyInput = z.input<typeof tokenPolicySchema>;

export const securityLevelSchema = z.object({
  level: z.enum(SECURITY_LEVELS, { error: "Choose Legacy, High or Extra High" }),
});

export type SecurityLevelInput = z.input<typeof securityLevelSchema>;
