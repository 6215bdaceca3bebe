import { getOutboundClient, type OutboundClient } from "@/lib/net/outbound/outbound-client";
import { WEBHOOK_RETRY_DELAYS_MS } from "./webhook-retry-schedule";

/** How deliveries are made; every field has a production default, tests replace them. */
export interface WebhookDeliveryOptions {
  /** The guarded outbound client (default: the process's, from LATCHKEY_OUTBOUND_ALLOW_HOSTS). */
  client?: OutboundClient;
  /** The clock deciding signatures' timestamps, retries, the previous secret's end and the 5 days. */
  now?: () => Date;
  /** Delay before each retry (default WEBHOOK_RETRY_DELAYS_MS). */
  retryDelaysMs?: readonly number[];
  /** One attempt: connecting, the answer and its body (default 15 s). */
  timeoutMs?: number;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 15_000;
/** An endpoint's answer is not read beyond this; a larger one fails the attempt. */
export const MAX_WEBHOOK_RESPONSE_BYTES = 64 * 1024;

export type ResolvedDeliveryOptions = Required<WebhookDeliveryOptions>;

export function resolveDeliveryOptions(options: WebhookDeliveryOptions = {}): ResolvedDeliveryOptions {
  return {
    client: options.client ?? getOutboundClient(),
    now: options.now ?? (() => new Date()),
    retryDelaysMs: options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS,
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
  };
}

/**
 * How long an attempt may stay "sending" before the relay presumes its worker gone: well past
 * the longest an attempt can take (the timeout bounds the whole call).
 */
export function attemptLeaseMs(timeoutMs: number): number {
  return Math.max(120_000, timeoutMs * 2 + 30_000);
}
