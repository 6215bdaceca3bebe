import { defaultRequestsPerMinute } from "@/lib/limits/limit-catalogue";
import { countApiRequest, rateLimitHeaders } from "@/lib/limits/request-rate";
import { ApiProblem } from "./api-problem";
import type { ApiCaller } from "./auth/api-caller";

export type RequestRateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; problem: ApiProblem };

/** Whom a request counts against: the client, or the user acting with a personal credential. */
function rateSubject(caller: ApiCaller): string {
  return caller.clientId ? `client:${caller.clientId}` : `user:${caller.userId ?? caller.label}`;
}

/**
 * The caller's /api/v1 request rate: its client's own setting, or the installation default
 * (LATCHKEY_API_REQUESTS_PER_MINUTE), counted in the shared store so that every process
 * enforces one limit. Within it, the response carries RateLimit-Policy and RateLimit; beyond
 * it, 429 with Retry-After and the same fields.
 */
export async function enforceRequestRate(caller: ApiCaller): Promise<RequestRateDecision> {
  const limit = caller.requestsPerMinute ?? defaultRequestsPerMinute();
  const rate = await countApiRequest(rateSubject(caller), limit);
  const headers = rateLimitHeaders(rate);
  if (rate.allowed) return { allowed: true, headers };
  return {
    allowed: false,
    problem: new ApiProblem(
      429,
      "Too Many Requests",
      `This caller may make ${limit} requests per minute; try again in ${rate.resetSeconds} seconds.`,
      { limit },
      { ...headers, "retry-after": String(rate.resetSeconds) },
    ),
  };
}
