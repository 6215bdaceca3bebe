import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import { getDb } from "@/lib/db/client";
import { rateLimitCounters } from "@/lib/db/schema";

/**
 * The shared counters behind every limit, through rate-limiter-flexible: in Redis when
 * REDIS_URL is set, otherwise in the database (PostgreSQL, or the embedded one), so that every
 * Latchkey process on one database enforces one limit. One limiter per (name, points, window),
 * shared by every copy of this module in the process.
 */
interface CounterStores {
  limiters: Map<string, Promise<RateLimiterAbstract>>;
  redis?: Redis;
  cleanerStarted: boolean;
}

const STORE = Symbol.for("latchkey.limits.counterStores");
type GlobalWithStores = typeof globalThis & { [STORE]?: CounterStores };

function stores(): CounterStores {
  const store = globalThis as GlobalWithStores;
  store[STORE] ??= { limiters: new Map(), cleanerStarted: false };
  return store[STORE];
}

async function redisClient(url: string): Promise<Redis> {
  const shared = stores();
  if (!shared.redis) {
    const { Redis } = await import("ioredis");
    // Fail fast rather than queue: a request must not wait on a Redis that is down.
    shared.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    shared.redis.on("error", () => {});
  }
  return shared.redis;
}

async function createLimiter(name: string, points: number, windowSeconds: number) {
  const options = { keyPrefix: `lk:${name}`, points, duration: windowSeconds };
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    return new RateLimiterRedis({
      ...options,
      storeClient: await redisClient(redisUrl),
      rejectIfRedisNotReady: true,
      // While Redis is unreachable each process counts on its own rather than refusing everyone.
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }
  const shared = stores();
  // Every limiter shares one table; one of them sweeps its expired rows.
  const clearExpiredByTimeout = !shared.cleanerStarted;
  shared.cleanerStarted = true;
  return new RateLimiterDrizzle({
    ...options,
    storeClient: await getDb(),
    schema: rateLimitCounters,
    clearExpiredByTimeout,
  });
}

export function counterLimiter(name: string, points: number, windowSeconds: number) {
  const shared = stores();
  const id = `${name}|${points}|${windowSeconds}`;
  let limiter = shared.limiters.get(id);
  if (!limiter) {
    limiter = createLimiter(name, points, windowSeconds);
    shared.limiters.set(id, limiter);
    limiter.catch(() => shared.limiters.delete(id));
  }
  return limiter;
}

/** Closes the Redis connection, if any (shutdown, tests). */
export async function closeCounterStores(): Promise<void> {
  const shared = stores();
  shared.limiters.clear();
  shared.cleanerStarted = false;
  const redis = shared.redis;
  shared.redis = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}
