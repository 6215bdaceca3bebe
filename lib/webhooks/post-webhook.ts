import { performance } from "node:perf_hooks";
import type { OutboundClient } from "@/lib/net/outbound/outbound-client";
import { isOutboundError } from "@/lib/net/outbound/outbound-error";
import { MAX_WEBHOOK_RESPONSE_BYTES } from "./webhook-delivery-options";

export interface AttemptResult {
  outcome: "succeeded" | "failed";
  statusCode: number | null;
  responseMs: number | null;
  /** Latchkey's own sentence for a failure: never text the endpoint sent. */
  error: string | null;
}

/**
 * POSTs one signed body through the guarded outbound client: its checks refuse a private or
 * local address again at connect time, redirects are not followed, the call is bounded in time
 * and size. Any 2xx answer is a success; every other answer, and every failure to get one, is
 * a failure to retry. Only outbound failures are caught: anything else is a fault to surface.
 */
export async function postWebhook(
  client: OutboundClient,
  url: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await client.request(url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      timeoutMs: request.timeoutMs,
      maxResponseBytes: MAX_WEBHOOK_RESPONSE_BYTES,
    });
    const ok = response.status >= 200 && response.status < 300;
    return {
      outcome: ok ? "succeeded" : "failed",
      statusCode: response.status,
      responseMs: elapsed(),
      error: ok ? null : `The endpoint answered HTTP ${response.status}`,
    };
  } catch (error) {
    if (!isOutboundError(error)) throw error;
    return { outcome: "failed", statusCode: null, responseMs: elapsed(), error: error.message };
  }
}
