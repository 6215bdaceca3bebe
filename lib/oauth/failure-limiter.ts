/**
 * Slows down guessing at the OAuth endpoints: failed client authentications are counted per
 * address and per (client, address) pair, so an attacker hammering one client ID from their
 * address is stopped while the real client, calling from elsewhere, is not locked out.
 * Counters live in this process (a sliding window of timestamps); with several processes each
 * one counts on its own, which bounds an attacker at N times the limit.
 */
export const FAILURE_WINDOW_MS = 5 * 60_000;
export const MAX_FAILURES_PER_ADDRESS = 50;
export const MAX_FAILURES_PER_CLIENT_AND_ADDRESS = 10;
const MAX_TRACKED_KEYS = 50_000;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly windowMs = FAILURE_WINDOW_MS,
    private readonly perAddress = MAX_FAILURES_PER_ADDRESS,
    private readonly perClientAndAddress = MAX_FAILURES_PER_CLIENT_AND_ADDRESS,
  ) {}

  /** Seconds to wait before trying again, or 0 when the caller may proceed. */
  retryAfterSeconds(ip: string, clientId: string | undefined, now = Date.now()): number {
    const checks: Array<[string, number]> = [[`ip:${ip}`, this.perAddress]];
    if (clientId) checks.push([`client:${clientId}|${ip}`, this.perClientAndAddress]);
    let wait = 0;
    for (const [key, limit] of checks) {
      const recent = this.recent(key, now);
      const oldest = recent[recent.length - limit];
      if (recent.length >= limit && oldest !== undefined) {
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  recordFailure(ip: string, clientId: string | undefined, now = Date.now()): void {
    if (this.failures.size > MAX_TRACKED_KEYS) this.prune(now);
    this.push(`ip:${ip}`, now);
    if (clientId) this.push(`client:${clientId}|${ip}`, now);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => time > now - this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private push(key: string, now: number) {
    const times = this.recent(key, now);
    times.push(now);
    this.failures.set(key, times.slice(-Math.max(this.perAddress, this.perClientAndAddress)));
  }

  private prune(now: number) {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

const LIMITER_STORE = Symbol.for("latchkey.oauth.failureLimiter");
type GlobalWithLimiter = typeof globalThis & { [LIMITER_STORE]?: FailureLimiter };

/** The process's limiter, shared by every copy of this module. */
export function clientAuthFailureLimiter(): FailureLimiter {
  const store = globalThis as GlobalWithLimiter;
  store[LIMITER_STORE] ??= new FailureLimiter();
  return store[LIMITER_STORE];
}
