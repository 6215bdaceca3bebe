import { z } from "zod";
import { permissionGridSchema } from "@/lib/permissions/grid";
import { displayName } from "@/lib/validation/text-fields";

/** Shared by the Integrations page's form, its server actions and the token commands. */

export const PERMISSION_MODES = ["role", "custom"] as const;

export const expirationSchema = z.union(
  [
    z.literal("never"),
    z.coerce
      .number()
      .int("Choose a whole number of days")
      .min(1, "Choose an expiration of at least 1 day")
      .max(3650, "Choose an expiration of at most 3650 days"),
  ],
  { error: "Choose an expiration" },
);

export const createTokenSchema = z.object({
  name: displayName("Token name"),
  expiration: expirationSchema,
  /** "role": the token does what the role does, now and later; "custom": only `scopes`, within the role. */
  permissionMode: z.enum(PERMISSION_MODES).default("role"),
  scopes: permissionGridSchema.default([]),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const tokenIdSchema = z.object({ tokenId: z.uuid("That token does not exist.") });
export type TokenIdInput = z.input<typeof tokenIdSchema>;
