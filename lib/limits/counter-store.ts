import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import { type Database, getDb } from "@/lib/db/client";
import { rateLimitCounters } from "@/lib/db/schema";

/**
 * The shared counters behind every limit, through rate-limiter-flexible: in Redis when
 * REDIS_URL is set, otherwise in the database (PostgreSQL, or the embedded one), so that every
 * Latchkey process on one database enforces one limit. One limiter per (name, points, window),
 * shared by every copy of this module in the process.
 */
interface CounterStores {
  limiters: Map<string, Promise<{ limiter: RateLimiterAbstract; db: Database | undefined }>>;
  redis?: Promise<Redis>;
  /** The limiter whose timer sweeps expired counters. */
  cleanerId?: string;
}

const STORE = Symbol.for("latchkey.limits.counterStores");
type GlobalWithStores = typeof globalThis & { [STORE]?: CounterStores };

function stores(): CounterStores {
  const store = globalThis as GlobalWithStores;
  store[STORE] ??= { limiters: new Map() };
  return store[STORE];
}

const REDIS_CONNECT_WAIT_MS = 2000;

async function connectRedis(url: string): Promise<Redis> {
  const { Redis } = await import("ioredis");
  // Fail fast rather than queue: a request must not wait on a Redis that is down.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  // Commands sent before the connection is ready are refused; give it a moment to connect.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REDIS_CONNECT_WAIT_MS);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

/** One Redis connection per process, however many limiters ask for it at once. */
function redisClient(url: string): Promise<Redis> {
  const shared = stores();
  shared.redis ??= connectRedis(url);
  return shared.redis;
}

async function createLimiter(
  id: string,
  options: { keyPrefix: string; points: number; duration: number },
  db: Database | undefined,
) {
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl || !db) {
    return new RateLimiterRedis({
      ...options,
      storeClient: await redisClient(redisUrl ?? ""),
      rejectIfRedisNotReady: true,
      // While Redis is unreachable each process counts on its own rather than refusing everyone.
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }
  const shared = stores();
  // Every limiter shares one table; one of them sweeps its expired rows.
  shared.cleanerId ??= id;
  return new RateLimiterDrizzle({
    ...options,
    storeClient: db,
    schema: rateLimitCounters,
    clearExpiredByTimeout: shared.cleanerId === id,
  });
}

/**
 * The limiter for one (name, points, window), on the store in use now: a new one when the
 * database connection it was made on has been replaced (closed and opened again).
 */
export async function counterLimiter(name: string, points: number, windowSeconds: number) {
  const shared = stores();
  const id = `${name}|${points}|${windowSeconds}`;
  const db = process.env.REDIS_URL ? undefined : await getDb();
  const existing = shared.limiters.get(id);
  if (existing) {
    const current = await existing;
    if (current.db === db) return current.limiter;
  }
  const options = { keyPrefix: `lk:${name}`, points, duration: windowSeconds };
  const created = createLimiter(id, options, db).then((limiter) => ({ limiter, db }));
  shared.limiters.set(id, created);
  created.catch(() => shared.limiters.delete(id));
  return (await created).limiter;
}

/** Closes the Redis connection, if any (shutdown, tests). */
export async function closeCounterStores(): Promise<void> {
  const shared = stores();
  shared.limiters.clear();
  shared.cleanerId = undefined;
  const connecting = shared.redis;
  shared.redis = undefined;
  const redis = await connecting;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}
