import { secretHash } from "@/lib/crypto/secret-hash";
import { counterLimiter } from "./counter-store";
import { REQUEST_RATE_WINDOW_SECONDS } from "./limit-catalogue";

/** The counter's own ceiling: the per-caller limit is applied to the count it returns. */
const COUNTER_CEILING = 2_000_000_000;

export interface RequestRate {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/**
 * Counts one /api/v1 request of a caller (a client, or a user acting with a personal credential)
 * in the shared store, one atomic increment, and says whether it is within `limit` per window.
 */
export async function countApiRequest(callerKey: string, limit: number): Promise<RequestRate> {
  const limiter = await counterLimiter("apiRequests", COUNTER_CEILING, REQUEST_RATE_WINDOW_SECONDS);
  const state = await limiter.penalty(secretHash(`rate\u0000${callerKey}`).slice(0, 40), 1);
  const resetSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return {
    allowed: state.consumedPoints <= limit,
    limit,
    remaining: Math.max(0, limit - state.consumedPoints),
    resetSeconds,
  };
}

/**
 * The RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers): the quota
 * and window, and what remains of it with the seconds until it resets.
 */
export function rateLimitHeaders(rate: RequestRate): Record<string, string> {
  return {
    "ratelimit-policy": `"default";q=${rate.limit};w=${REQUEST_RATE_WINDOW_SECONDS}`,
    ratelimit: `"default";r=${rate.remaining};t=${rate.resetSeconds}`,
  };
}
