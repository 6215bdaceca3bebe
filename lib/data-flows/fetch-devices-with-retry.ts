import { AxoniusError } from "@/lib/axonius/axonius-error";
import type { AxoniusCredentials } from "@/lib/axonius/axonius-request";
import {
  type AxoniusDevicesPage,
  type AxoniusDevicesPageRequest,
  fetchAxoniusDevicesPage,
} from "@/lib/axonius/fetch-axonius-devices-page";
import type { OutboundClient } from "@/lib/net/outbound/outbound-client";

/**
 * One devices page with bounded retries: 429 (after its Retry-After when given), 202 ("not
 * ready"), 5xx, timeouts and failed connections are retried with exponential back-off and
 * jitter; anything else (401, 403, a body that is not Axonius's) is thrown at once.
 *
 * A timeout or a dropped connection on a page after the first leaves the cursor in doubt —
 * Axonius may have served the page and moved the cursor on — so it is not retried with the
 * same cursor: RestartPagingError asks the caller to read again from the first page (the
 * upsert makes that harmless).
 */
export interface RetryPolicy {
  /** Attempts per page, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
  timeoutMs: number;
  sleep(ms: number): Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random(): number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
  timeoutMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export class RestartPagingError extends Error {
  override name = "RestartPagingError";
  constructor(readonly cause: AxoniusError) {
    super(`${cause.message}; reading again from the first page`);
  }
}

/** Retries were used up: the last error's message, with how many attempts were made. */
export class RetriesExhaustedError extends Error {
  override name = "RetriesExhaustedError";
  constructor(
    readonly last: AxoniusError,
    readonly attempts: number,
  ) {
    super(`${last.message} (gave up after ${attempts} attempts)`);
  }
}

export function retryDelayMs(error: AxoniusError, attempt: number, policy: RetryPolicy): number {
  if (error.kind === "rate_limited" && error.details.retryAfterSeconds !== undefined) {
    return Math.min(error.details.retryAfterSeconds * 1000, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(ceiling * (0.5 + policy.random() / 2));
}

export async function fetchDevicesPageWithRetry(
  credentials: AxoniusCredentials,
  request: AxoniusDevicesPageRequest,
  policy: RetryPolicy,
  client: OutboundClient | undefined,
): Promise<AxoniusDevicesPage> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetchAxoniusDevicesPage(credentials, request, {
        timeoutMs: policy.timeoutMs,
        ...(client ? { client } : {}),
      });
    } catch (error) {
      if (!(error instanceof AxoniusError) || !error.retryable) throw error;
      if (request.cursor && (error.kind === "timeout" || error.kind === "unreachable")) {
        throw new RestartPagingError(error);
      }
      if (attempt >= policy.maxAttempts) throw new RetriesExhaustedError(error, attempt);
      await policy.sleep(retryDelayMs(error, attempt, policy));
    }
  }
}
