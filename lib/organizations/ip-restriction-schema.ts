import { z } from "zod";

/** Shared by the "Restrict API access by IP" switch and its server action. */
export const setIpRestrictionSchema = z.object({
  enabled: z.boolean({ error: "Choose whether to restrict API access by IP" }),
});

export type SetIpRestrictionInput = z.input<typeof setIpRestrictionSchema>;
