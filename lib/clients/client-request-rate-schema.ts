import { z } from "zod";
import { MAX_REQUESTS_PER_MINUTE } from "@/lib/limits/limit-catalogue";
import { clientIdSchema } from "./client-schemas";

const RATE_MESSAGE = `Enter a whole number of requests per minute from 1 to ${MAX_REQUESTS_PER_MINUTE.toLocaleString("en-US")}, or leave it empty for the default`;

/** A client's own /api/v1 request rate; empty means the installation default. */
export const setClientRequestRateSchema = z.object({
  clientId: clientIdSchema,
  requestsPerMinute: z.union(
    [
      z.literal("").transform(() => null),
      z.null(),
      z.coerce
        .number({ error: RATE_MESSAGE })
        .int(RATE_MESSAGE)
        .min(1, RATE_MESSAGE)
        .max(MAX_REQUESTS_PER_MINUTE, RATE_MESSAGE),
    ],
    { error: RATE_MESSAGE },
  ),
});

export type SetClientRequestRateInput = z.input<typeof setClientRequestRateSchema>;
