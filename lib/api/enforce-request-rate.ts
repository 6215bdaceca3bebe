import { recordSecurityEvent } from "@/lib/audit/record-security-event";
import { CLIENT_TARGET_TYPE } from "@/lib/clients/client-record";
import { defaultRequestsPerMinute } from "@/lib/limits/limit-catalogue";
import { countApiRequest, rateLimitHeaders } from "@/lib/limits/request-rate";
import { ApiProblem } from "./api-problem";
import type { ApiCaller } from "./auth/api-caller";
import { auditActorOf } from "./record-api-mutation";

export type RequestRateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; problem: ApiProblem };

/** Whom a request counts against: the client, or the user acting with a personal credential. */
function rateSubject(caller: ApiCaller): string {
  return caller.clientId ? `client:${caller.clientId}` : `user:${caller.userId ?? caller.label}`;
}

/**
 * A caller over its rate, in its organization's audit log: once per caller and minute, with
 * the count of the rest (record-security-event.ts), however fast it keeps calling.
 */
function recordRateExceeded(caller: ApiCaller, limit: number, subject: string) {
  const { type, id, label } = auditActorOf(caller);
  recordSecurityEvent(
    {
      action: "api.rate_limited",
      organizationId: caller.organizationId,
      actor: { type, id, label },
      target: caller.clientId
        ? { type: CLIENT_TARGET_TYPE, id: caller.clientId }
        : { type: "user", id: caller.userId },
      origin: { ip: caller.ip, userAgent: caller.userAgent ?? null },
      outcome: "denied",
      reason: "request_rate_exceeded",
      details: { method: caller.credential, requestsPerMinute: limit },
    },
    { repeatsOf: [subject] },
  );
}

/**
 * The caller's /api/v1 request rate: its client's own setting, or the installation default
 * (LATCHKEY_API_REQUESTS_PER_MINUTE), counted in the shared store so that every process
 * enforces one limit. Within it, the response carries RateLimit-Policy and RateLimit; beyond
 * it, 429 with Retry-After and the same fields.
 */
export async function enforceRequestRate(caller: ApiCaller): Promise<RequestRateDecision> {
  const limit = caller.requestsPerMinute ?? defaultRequestsPerMinute();
  const subject = rateSubject(caller);
  const rate = await countApiRequest(subject, limit);
  const headers = rateLimitHeaders(rate);
  if (rate.allowed) return { allowed: true, headers };
  recordRateExceeded(caller, limit, subject);
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
